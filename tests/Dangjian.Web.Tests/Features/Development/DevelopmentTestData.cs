using Dangjian.Core.Common;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Development;
using Dangjian.Core.Features.Members;
using Dangjian.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Development;

/// <summary>Takes people through the 发展党员 pipeline with the real handlers, on dates that keep every rule.</summary>
public static class DevelopmentTestData
{
    private static int _counter;

    public static async Task<T> RunAsync<T>(DangjianApp app, Func<IServiceProvider, Task<Result<T>>> action)
    {
        using var scope = app.Services.CreateScope();
        var result = await action(scope.ServiceProvider);
        if (!result.IsSuccess) throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Message)));
        return result.Value;
    }

    public static async Task<Result<T>> TryAsync<T>(DangjianApp app, Func<IServiceProvider, Task<Result<T>>> action)
    {
        using var scope = app.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public static Task<long> CandidateAsync(DangjianApp app, long branch, DateOnly applied, string name = "发展对象")
    {
        var n = Interlocked.Increment(ref _counter);
        var birth = new DateOnly(1990, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        var first17 = $"110102{birth:yyyyMMdd}{Random.Shared.Next(0, 499) * 2 + 1:000}";
        var input = new CandidateInput
        {
            Name = name + n, Gender = Gender.Male, BirthDate = birth, IdNumber = first17 + IdNumber.CheckCharacter(first17),
            EmploymentStatus = EmploymentStatus.Employed, Employer = "测试单位", ApplicationDate = applied,
        };
        return RunAsync(app, sp => sp.GetRequiredService<CreateCandidateHandler>().HandleAsync(new CreateCandidateCommand(branch, input), AccessScope.Everything(null), CancellationToken.None));
    }

    public static DateOnly ScheduledOn(DateOnly applied, int step) => CompliantSchedule.On(applied, step);

    public static StepDetails Details(int step, DateOnly on, long mentor, long sponsor2) => step switch
    {
        5 => new StepDetails { MemberIds = [mentor] },
        9 => new StepDetails { MemberIds = [mentor, sponsor2] },
        10 => new StepDetails { ReviewPassed = true, Person = "政审组" },
        11 => new StepDetails { TrainingHours = 24 },
        12 => new StepDetails { NoticeFrom = on.AddDays(-20), NoticeTo = on.AddDays(-1) },
        15 => new StepDetails { Vote = new VoteCount(9, 7, 6, 1, 0, WrittenYes: 1) },
        23 => new StepDetails { Vote = new VoteCount(9, 7, 6, 1, 0), NoticeFrom = on.AddDays(-20), NoticeTo = on.AddDays(-1) },
        _ => new StepDetails { Person = DevelopmentCatalogue.Step(step).Needs(StepFields.Person) ? "经办人" : null },
    };

    /// <summary>Completes steps <paramref name="from"/>..<paramref name="to"/> on their scheduled dates.</summary>
    public static async Task StepsAsync(DangjianApp app, long candidate, DateOnly applied, int from, int to, long mentor, long sponsor2)
    {
        for (var step = from; step <= to; step++)
        {
            var on = ScheduledOn(applied, step);
            var s = step;
            await RunAsync(app, sp => sp.GetRequiredService<CompleteStepHandler>()
                .HandleAsync(new CompleteStepCommand(candidate, s, on, Details(s, on, mentor, sponsor2)), AccessScope.Everything(null), CancellationToken.None));
        }
    }
}
