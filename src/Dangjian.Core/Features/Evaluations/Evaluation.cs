using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Evaluations;

/// <summary>民主评议 grades (domain.md §4).</summary>
public enum EvaluationGrade
{
    Excellent,
    Qualified,
    BasicallyQualified,
    Unqualified,
}

/// <summary>组织处置 measures after a 不合格 grade (domain.md §4).</summary>
public enum DispositionMeasure
{
    /// <summary>限期改正: normally 6 months, at most 1 year.</summary>
    CorrectWithinDeadline,

    /// <summary>劝退.</summary>
    PersuadeToLeave,

    /// <summary>除名.</summary>
    Remove,
}

public enum DispositionStatus
{
    Open,
    Closed,
}

public static class EvaluationLabels
{
    public static string Label(this EvaluationGrade grade) => grade switch
    {
        EvaluationGrade.Excellent => "优秀",
        EvaluationGrade.Qualified => "合格",
        EvaluationGrade.BasicallyQualified => "基本合格",
        _ => "不合格",
    };

    public static string Label(this DispositionMeasure measure) => measure switch
    {
        DispositionMeasure.CorrectWithinDeadline => "限期改正",
        DispositionMeasure.PersuadeToLeave => "劝退",
        _ => "除名",
    };

    public static string Label(this DispositionStatus status) => status == DispositionStatus.Open ? "处置中" : "已结案";
}

/// <summary>One annual 民主评议党员 session of a branch.</summary>
public sealed class EvaluationSession : IOrganizationOwned
{
    public const int NoteMaxLength = 1000;

    private EvaluationSession()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }

    /// <summary>The year being reviewed.</summary>
    public int Year { get; private set; }

    public DateOnly HeldOn { get; private set; }

    /// <summary>The 支委会 or 党员大会 (or 组织生活会) where the grades were decided, when recorded.</summary>
    public long? MeetingId { get; private set; }

    public string? Note { get; private set; }

    /// <summary>
    /// 预备党员 take part but are not graded ([default], domain.md §4); a branch that does grade them says so per session.
    /// </summary>
    public bool GradeProbationary { get; private set; }

    public List<EvaluationEntry> Entries { get; private set; } = [];

    public static EvaluationSession Create(long organizationId, int year, DateOnly heldOn, long? meetingId, string? note, bool gradeProbationary = false) =>
        new() { OrganizationId = organizationId, Year = year, HeldOn = heldOn, MeetingId = meetingId, Note = note, GradeProbationary = gradeProbationary };

    public void Update(int year, DateOnly heldOn, long? meetingId, string? note, bool gradeProbationary = false)
    {
        Year = year;
        HeldOn = heldOn;
        MeetingId = meetingId;
        Note = note;
        GradeProbationary = gradeProbationary;
    }
}

/// <summary>One member in a session: took part or not, and the grade (null for an ungraded 预备党员).</summary>
public sealed class EvaluationEntry
{
    public const int NoteMaxLength = 500;

    private EvaluationEntry()
    {
    }

    public long Id { get; private set; }
    public long SessionId { get; private set; }
    public long MemberId { get; private set; }
    public bool Participated { get; private set; }
    public EvaluationGrade? Grade { get; private set; }
    public string? Note { get; private set; }

    public static EvaluationEntry Create(long memberId, bool participated, EvaluationGrade? grade, string? note) =>
        new() { MemberId = memberId, Participated = participated, Grade = participated ? grade : null, Note = note };

    public void Change(bool participated, EvaluationGrade? grade, string? note)
    {
        Participated = participated;
        Grade = participated ? grade : null;
        Note = note;
    }
}

/// <summary>组织处置 case opened by a 不合格 grade; tracked until someone records how it ended.</summary>
public sealed class DispositionCase : IOrganizationOwned
{
    public const int TextMaxLength = 1000;

    private DispositionCase()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public long MemberId { get; private set; }
    public long? EvaluationEntryId { get; private set; }
    public DispositionMeasure Measure { get; private set; }
    public DateOnly OpenedOn { get; private set; }

    /// <summary>限期改正 deadline; default 6 months after opening, at most 1 year.</summary>
    public DateOnly? Deadline { get; private set; }

    public DispositionStatus Status { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? Outcome { get; private set; }

    public static DispositionCase Open(long organizationId, long memberId, long? evaluationEntryId, DispositionMeasure measure, DateOnly openedOn, DateOnly? deadline) =>
        new() { OrganizationId = organizationId, MemberId = memberId, EvaluationEntryId = evaluationEntryId, Measure = measure, OpenedOn = openedOn, Deadline = deadline };

    public void Change(DispositionMeasure measure, DateOnly? deadline)
    {
        Measure = measure;
        Deadline = deadline;
    }

    public void Close(DateOnly closedOn, string outcome)
    {
        Status = DispositionStatus.Closed;
        ClosedOn = closedOn;
        Outcome = outcome;
    }
}
