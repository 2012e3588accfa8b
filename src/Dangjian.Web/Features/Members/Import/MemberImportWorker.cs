using System.Threading.Channels;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members.Import;
using Dangjian.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Features.Members.Import;

/// <summary>Job ids waiting for the worker.</summary>
public sealed class MemberImportQueue
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<long> Reader => _channel.Reader;

    public void Enqueue(long jobId) => _channel.Writer.TryWrite(jobId);
}

/// <summary>
/// Runs import jobs one at a time, each in its own DI scope with the uploader's scope and name, so the members it creates
/// are audited as theirs. Jobs left running by a restart are picked up at start.
/// </summary>
public sealed class MemberImportWorker(MemberImportQueue queue, IServiceScopeFactory scopes, ILogger<MemberImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ResumeAsync(stoppingToken);
        await foreach (var jobId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(jobId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "导入任务 {JobId} 出错", jobId);
                await MarkFailedAsync(jobId, stoppingToken);
            }
        }
    }

    private async Task RunAsync(long jobId, CancellationToken ct)
    {
        var owner = await OwnerAsync(jobId, ct);
        if (owner is null) return;

        // A fresh scope, so that nothing has resolved the actor before the job's owner is named.
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<JobActor>().ActFor(owner.Value.UserId, owner.Value.UserName);
        var access = await services.GetRequiredService<AccessScopeLoader>().LoadAsync(owner.Value.UserId, ct);
        var result = await services.GetRequiredService<RunMemberImportJobHandler>().HandleAsync(new RunMemberImportJobCommand(jobId), access, ct);
        if (!result.IsSuccess) logger.LogWarning("导入任务 {JobId}：{Message}", jobId, result.FirstError.Message);
    }

    private async Task<(string UserId, string UserName)?> OwnerAsync(long jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(ct);
        var owner = await db.Set<ImportJob>().AsNoTracking().Where(j => j.Id == jobId).Select(j => new { j.UserId, j.UserName }).SingleOrDefaultAsync(ct);
        return owner is null ? null : (owner.UserId, owner.UserName);
    }

    private async Task ResumeAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(ct);
            var running = await db.Set<ImportJob>().AsNoTracking()
                .Where(j => j.Status == ImportJobStatus.Validating || j.Status == ImportJobStatus.Importing)
                .Select(j => j.Id).ToListAsync(ct);
            running.ForEach(queue.Enqueue);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "无法恢复未完成的导入任务");
        }
    }

    private async Task MarkFailedAsync(long jobId, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DangjianDbContext>>().CreateDbContextAsync(ct);
            await db.Set<ImportJob>().Where(j => j.Id == jobId).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ImportJobStatus.Failed).SetProperty(j => j.Message, "系统出错，未导入任何党员，请稍后重试"), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "无法标记导入任务 {JobId} 失败", jobId);
        }
    }
}
