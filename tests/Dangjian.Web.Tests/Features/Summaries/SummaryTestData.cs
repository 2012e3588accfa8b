using System.Text;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Evaluations;
using Dangjian.Core.Features.Meetings;
using Dangjian.Core.Features.Summaries;
using Dangjian.Web.Tests.Features.Committees;
using Dangjian.Web.Tests.Features.Evaluations;
using Dangjian.Web.Tests.Features.Meetings;
using Dangjian.Web.Tests.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Web.Tests.Features.Summaries;

/// <summary>
/// A committee with two branches and a half-year of records made through the Core handlers: branch A holds 支部党员大会 ×2,
/// 支委会 ×3, 党课 ×1 (by its 书记) and a 民主评议; branch B holds one 支部党员大会. Nobody records dues.
/// </summary>
public sealed record SummaryWorld(long Root, long BranchA, long BranchB, string RootName, string BranchAName, IReadOnlyList<long> MembersA)
{
    public static readonly DateOnly From = new(2020, 1, 1);
    public static readonly DateOnly To = new(2020, 6, 30);

    /// <summary><paramref name="tag"/> makes the codes unique; <paramref name="namePrefix"/> (default: the tag) starts the names.</summary>
    public static async Task<SummaryWorld> CreateAsync(DangjianApp app, TestUser admin, string tag, string? namePrefix = null)
    {
        using var api = app.ApiClient(admin);
        var prefix = namePrefix ?? tag;
        var rootName = $"{prefix}测试党委";
        var aName = $"{prefix}第一党支部";
        var root = await api.CreateOrganizationAsync(null, $"{tag}-R", rootName, "Committee");
        var a = await api.CreateOrganizationAsync(root, $"{tag}-A", aName, "Branch");
        var b = await api.CreateOrganizationAsync(root, $"{tag}-B", $"{prefix}第二党支部", "Branch");
        var membersA = await MembersAsync(app, a, 4);
        var membersB = await MembersAsync(app, b, 2);

        foreach (var date in new[] { new DateOnly(2020, 2, 10), new DateOnly(2020, 5, 12) })
            await MeetingAsync(app, a, date, [MeetingKindCodes.BranchGeneralMeeting], membersA, "支部党员大会");
        foreach (var date in new[] { new DateOnly(2020, 1, 15), new DateOnly(2020, 3, 16), new DateOnly(2020, 6, 15) })
            await MeetingAsync(app, a, date, [MeetingKindCodes.CommitteeMeeting], membersA, "支委会");
        await MeetingAsync(app, a, new DateOnly(2020, 4, 8), [MeetingKindCodes.PartyLecture], membersA, "专题党课", membersA[0]);
        await MeetingAsync(app, b, new DateOnly(2020, 3, 3), [MeetingKindCodes.BranchGeneralMeeting], membersB, "支部党员大会");
        await OrganizationalLifeData.CreateEvaluationAsync(app, a, 2020, new DateOnly(2020, 6, 20),
            membersA.Select(m => new EvaluationEntryInput(m, true, EvaluationGrade.Qualified)).ToArray());
        return new SummaryWorld(root, a, b, rootName, aName, membersA);
    }

    /// <summary>Full members admitted long before the period (a random admission date could make one 预备 on the evaluation day).</summary>
    public static async Task<List<long>> MembersAsync(DangjianApp app, long branch, int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
            ids.Add(await CommitteeTestData.CreateMemberAsync(app, branch, "总结党员", admittedOn: new DateOnly(2010, 7, 1), placedFrom: new DateOnly(2020, 1, 1)));
        return ids;
    }

    public static async Task<long> MeetingAsync(DangjianApp app, long organization, DateOnly date, string[] kinds, IReadOnlyList<long> present, string topic, long? lecturer = null)
    {
        var roster = await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<GetMeetingRosterHandler>()
            .HandleAsync(new GetMeetingRosterQuery(organization, date, kinds), AccessScope.Everything(null), CancellationToken.None));
        return await CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<CreateMeetingHandler>().HandleAsync(new CreateMeetingCommand(organization, new MeetingInput
        {
            HeldOn = date, KindCodes = kinds, Topic = topic,
            LecturerMemberId = lecturer, LecturerRole = lecturer is null ? null : LecturerRole.Secretary,
            Attendance = roster.People.Select(p => new AttendanceInput(p.MemberId, present.Contains(p.MemberId) ? AttendanceStatus.Present : AttendanceStatus.Absent)).ToList(),
        }), AccessScope.Everything(null), CancellationToken.None));
    }

    public static Task<SummaryDraftDetails> GenerateAsync(DangjianApp app, long organization, AccessScope scope, SummaryKind kind = SummaryKind.HalfYear) =>
        CommitteeTestData.RunAsync(app, sp => sp.GetRequiredService<GenerateSummaryHandler>()
            .HandleAsync(new GenerateSummaryCommand(organization, From, To, kind), scope, CancellationToken.None));

    /// <summary>The document's paragraphs, in order.</summary>
    public static IReadOnlyList<string> Paragraphs(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
    }

    public static string Text(byte[] docx) => string.Join("\n", Paragraphs(docx));
}
