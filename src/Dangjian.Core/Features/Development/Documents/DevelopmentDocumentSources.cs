using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Development.Documents;

/// <summary>The documents of the pipeline that leave the platform as 公文 (issue 8, item 8).</summary>
public enum DevelopmentDocumentKind
{
    /// <summary>关于拟确定……为发展对象的公示: activists proposed as 发展对象.</summary>
    TargetNotice,

    /// <summary>关于拟接收……为中共预备党员的公示: 发展对象 the 支部委员会 proposes for admission (step 12).</summary>
    AdmissionNotice,

    /// <summary>关于……预备党员拟转正的公示.</summary>
    ConfirmationNotice,

    /// <summary>关于确定入党积极分子的备案报告 (step 4).</summary>
    ActivistReport,

    /// <summary>关于确定发展对象的备案报告 (step 8).</summary>
    TargetReport,
}

public static class DevelopmentDocumentKinds
{
    public static IReadOnlyList<DevelopmentDocumentKind> All { get; } = Enum.GetValues<DevelopmentDocumentKind>();

    /// <summary>The kind as URLs and the API write it.</summary>
    public static string Slug(this DevelopmentDocumentKind kind) => kind switch
    {
        DevelopmentDocumentKind.TargetNotice => "target-notice",
        DevelopmentDocumentKind.AdmissionNotice => "admission-notice",
        DevelopmentDocumentKind.ConfirmationNotice => "confirmation-notice",
        DevelopmentDocumentKind.ActivistReport => "activist-report",
        _ => "target-report",
    };

    public static string Label(this DevelopmentDocumentKind kind) => kind switch
    {
        DevelopmentDocumentKind.TargetNotice => "拟确定发展对象公示",
        DevelopmentDocumentKind.AdmissionNotice => "发展对象公示（拟接收为预备党员）",
        DevelopmentDocumentKind.ConfirmationNotice => "预备党员转正公示",
        DevelopmentDocumentKind.ActivistReport => "确定入党积极分子备案报告",
        _ => "确定发展对象备案报告",
    };

    public static bool IsNotice(this DevelopmentDocumentKind kind) =>
        kind is DevelopmentDocumentKind.TargetNotice or DevelopmentDocumentKind.AdmissionNotice or DevelopmentDocumentKind.ConfirmationNotice;

    /// <summary>The purpose of a 公示 about 发展对象 (the target and the admission notice share their query and layout), else null.</summary>
    public static TargetNoticePurpose? TargetPurpose(this DevelopmentDocumentKind kind) => kind switch
    {
        DevelopmentDocumentKind.TargetNotice => TargetNoticePurpose.ProposeAsTarget,
        DevelopmentDocumentKind.AdmissionNotice => TargetNoticePurpose.ProposeForAdmission,
        _ => null,
    };

    public static DevelopmentDocumentKind? Parse(string? slug) => All.Cast<DevelopmentDocumentKind?>().FirstOrDefault(k => k!.Value.Slug() == slug?.Trim());
}

/// <summary>The first and last day of a 公示 and the working days between them (both included), on the holiday calendar.</summary>
public sealed record NoticePeriod(DateOnly From, DateOnly To, int WorkingDays)
{
    /// <summary>A 公示 that starts on <paramref name="from"/> and lasts <paramref name="workingDays"/> working days.</summary>
    public static NoticePeriod Of(DateOnly from, int workingDays, WorkingDayCalendar calendar) =>
        new(from, calendar.EndOfWorkingDays(from, workingDays), workingDays);
}

/// <summary>What the caller chooses for a 公示: the first day (default today), its length in working days (default the organization's setting), who takes the feedback.</summary>
public sealed record NoticeOptions(DateOnly? From = null, int? WorkingDays = null, string? Contact = null, string? Phone = null);

public static class DevelopmentDocumentErrors
{
    public const int MaxWorkingDays = 30;
    public const int ContactMaxLength = 50;

    public static Error OrganizationRequired => Error.Validation("devdoc.org_required", "请选择组织", "org");
    public static Error OrganizationNotFound(long id) => Error.NotFound("devdoc.org_not_found", $"组织（编号 {id}）不存在或不在您的管理范围内");
    public static Error NobodyChosen => Error.Validation("devdoc.nobody", "请至少选择一名同志", "ids");
    public static Error PersonNotFound(long id) => Error.NotFound("devdoc.person_not_found", $"所选人员（编号 {id}）不存在，或不在所选组织及您的管理范围内");
    public static Error NotActivist(string name) => Error.Conflict("devdoc.not_activist", $"{name}目前不是入党积极分子，不能列入拟确定发展对象的公示", "ids");
    public static Error NotTarget(string name) => Error.Conflict("devdoc.not_target", $"{name}目前不是发展对象，不能列入拟接收预备党员的公示", "ids");
    public static Error AlreadyVotedOnAdmission(string name) => Error.Conflict("devdoc.admission_voted", $"{name}的入党申请已经支部大会讨论，无需再公示", "ids");
    public static Error NotProbationary(string name) => Error.Conflict("devdoc.not_probationary", $"{name}目前不是预备党员，不能列入转正公示", "ids");
    public static Error AlreadyVotedOnConfirmation(string name) => Error.Conflict("devdoc.confirmation_voted", $"{name}的转正已经支部大会讨论，无需再公示", "ids");
    public static Error WorkingDaysRange => Error.Validation("devdoc.days_range", $"公示工作日应在 1 至 {MaxWorkingDays} 之间", "days");
    public static Error WorkingDaysBelowPolicy(int required) => Error.Validation("devdoc.days_policy", $"公示期不能少于 {required} 个工作日（本组织的规定）", "days");
    public static Error ContactTooLong => Error.Validation("devdoc.contact_long", $"联系人不能超过 {ContactMaxLength} 个字", "contact");
    public static Error PhoneInvalid => Error.Validation("devdoc.phone", "联系电话只能包含数字、空格和 - + ( )，且不超过 30 位", "phone");
    public static Error PeriodRequired => Error.Validation("devdoc.period_required", "请填写备案时段的开始日期和结束日期", "from");
    public static Error PeriodOrder => Error.Validation("devdoc.period_order", "开始日期不能晚于结束日期", "to");
    public static Error NobodyInPeriod(string what, DateOnly from, DateOnly to) =>
        Error.Conflict("devdoc.nobody_in_period", $"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 期间所选组织没有确定{what}的记录，无需备案", "from");
}

/// <summary>What every document query needs: the organization, checked against the scope; the people of its subtree; the 公示 period.</summary>
internal static class DevelopmentDocumentSources
{
    public sealed record IssuingOrganization(long Id, string Name, string Path, string? ParentName);

    public static async Task<Result<IssuingOrganization>> OrganizationAsync(DangjianDbContext db, long? organizationId, AccessScope scope, CancellationToken ct)
    {
        if (organizationId is not long id) return DevelopmentDocumentErrors.OrganizationRequired;
        var row = await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => new { o.Id, o.Name, o.Path, o.ParentId }).SingleOrDefaultAsync(ct);
        if (row is null || !scope.Allows(row.Path, Permission.Read)) return DevelopmentDocumentErrors.OrganizationNotFound(id);
        var parent = row.ParentId is long p ? await db.Organizations.Where(o => o.Id == p).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        return new IssuingOrganization(row.Id, row.Name, row.Path, parent);
    }

    /// <summary>The candidates of the organization's subtree that the caller may read, with their branch's name.</summary>
    public static async Task<List<(Candidate Candidate, string BranchName)>> CandidatesAsync(
        DangjianDbContext db, IssuingOrganization org, AccessScope scope, Func<IQueryable<Candidate>, IQueryable<Candidate>> filter, CancellationToken ct)
    {
        var rows = await (from c in filter(db.Set<Candidate>().AsNoTracking().Include(c => c.Steps).Include(c => c.People).AsSplitQuery())
                          join o in db.Organizations.InSubtree(org.Path) on c.OrganizationId equals o.Id
                          select new { Candidate = c, o.Name, o.Path }).ToListAsync(ct);
        return rows.Where(r => scope.Allows(r.Path, Permission.Read)).Select(r => (r.Candidate, r.Name)).ToList();
    }

    /// <summary>
    /// The chosen people, in the order given, each in the subtree and the scope (else not found, the same answer as for an id
    /// that does not exist) and at the stage the document is about (else the document's own error).
    /// </summary>
    public static async Task<Result<List<(Candidate Candidate, string BranchName)>>> ChosenAsync(
        DangjianDbContext db, IssuingOrganization org, IReadOnlyList<long>? ids, AccessScope scope, Func<Candidate, Error?> check, CancellationToken ct)
    {
        var distinct = (ids ?? []).Distinct().ToList();
        if (distinct.Count == 0) return DevelopmentDocumentErrors.NobodyChosen;
        var found = await CandidatesAsync(db, org, scope, q => q.Where(c => distinct.Contains(c.Id)), ct);
        var chosen = new List<(Candidate, string)>();
        var errors = new List<Error>();
        foreach (var id in distinct)
        {
            var row = found.FirstOrDefault(r => r.Candidate.Id == id);
            if (row.Candidate is null) return DevelopmentDocumentErrors.PersonNotFound(id);
            if (check(row.Candidate) is Error error) errors.Add(error);
            else chosen.Add(row);
        }

        return errors.Count > 0 ? Result<List<(Candidate, string)>>.Failure(errors) : chosen;
    }

    /// <summary>
    /// The 公示 period: from the chosen day (default today) for the chosen working days (default the organization's setting, never
    /// fewer), counted on the holiday calendar as CompleteStep counts them.
    /// </summary>
    public static async Task<Result<NoticePeriod>> PeriodAsync(DangjianDbContext db, IssuingOrganization org, NoticeOptions options, DateOnly today, CancellationToken ct)
    {
        var policy = await CandidateAccess.PolicyAsync(db, org.Id, ct);
        var days = options.WorkingDays ?? policy.NoticeWorkingDays;
        if (days is < 1 or > DevelopmentDocumentErrors.MaxWorkingDays) return DevelopmentDocumentErrors.WorkingDaysRange;
        if (days < policy.NoticeWorkingDays) return DevelopmentDocumentErrors.WorkingDaysBelowPolicy(policy.NoticeWorkingDays);
        var from = options.From ?? today;
        // 30 working days never span more than about 60 calendar days, even around 春节 and 国庆.
        var calendar = await CandidateAccess.CalendarAsync(db, from, from.AddDays(120), ct);
        return NoticePeriod.Of(from, days, calendar);
    }

    /// <summary>Contact and phone, trimmed; null when blank.</summary>
    public static Result<(string? Contact, string? Phone)> Contact(NoticeOptions options)
    {
        var errors = new List<Error>();
        var contact = CandidateRules.Blank(options.Contact);
        var phone = CandidateRules.Blank(options.Phone);
        if (contact?.Length > DevelopmentDocumentErrors.ContactMaxLength) errors.Add(DevelopmentDocumentErrors.ContactTooLong);
        if (phone is not null && (phone.Length > 30 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')'))) errors.Add(DevelopmentDocumentErrors.PhoneInvalid);
        return errors.Count > 0 ? Result<(string?, string?)>.Failure(errors) : (contact, phone);
    }

    /// <summary>The names of the members named for a candidate in a role, in the order they were named.</summary>
    public static async Task<Dictionary<long, IReadOnlyList<string>>> PeopleAsync(DangjianDbContext db, IEnumerable<Candidate> candidates, CandidatePersonRole role, CancellationToken ct)
    {
        var links = candidates.SelectMany(c => c.People.Where(p => p.Role == role)).OrderBy(p => p.NamedOn).ThenBy(p => p.Id).ToList();
        var memberIds = links.Select(p => p.MemberId).Distinct().ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return links.GroupBy(p => p.CandidateId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(p => names.GetValueOrDefault(p.MemberId, "")).ToList());
    }
}
