using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Development;

/// <summary>
/// The yearly 发展党员 plan of an organization: a number (Minimum == Maximum) or a range such as 3–5. Progress is measured
/// against <see cref="Minimum"/>: reaching the lower bound fulfils the plan (metrics.md, development.planProgress).
/// </summary>
public sealed class DevelopmentPlan : IOrganizationOwned
{
    private DevelopmentPlan()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public int Year { get; private set; }
    public int Minimum { get; private set; }
    public int Maximum { get; private set; }
    public string? Note { get; private set; }

    internal static DevelopmentPlan Create(long organizationId, int year, int minimum, int maximum, string? note) =>
        new() { OrganizationId = organizationId, Year = year, Minimum = minimum, Maximum = maximum, Note = note };

    internal void Change(int minimum, int maximum, string? note)
    {
        Minimum = minimum;
        Maximum = maximum;
        Note = note;
    }

    public string Text => Minimum == Maximum ? $"{Minimum}" : $"{Minimum}–{Maximum}";
}

/// <summary>
/// The [default] rules of domain.md §6 an organization may change for itself and everything under it: the months after the
/// application before an activist is chosen without a warning, and the working days of a 公示. Who changed them and when is
/// in the audit log.
/// </summary>
public sealed class DevelopmentSettings : IOrganizationOwned
{
    public const int DefaultActivistAfterMonths = 6;
    public const int DefaultNoticeWorkingDays = 5;

    private DevelopmentSettings()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public int ActivistAfterMonths { get; private set; } = DefaultActivistAfterMonths;
    public int NoticeWorkingDays { get; private set; } = DefaultNoticeWorkingDays;

    internal static DevelopmentSettings For(long organizationId, int activistAfterMonths, int noticeWorkingDays) =>
        new() { OrganizationId = organizationId, ActivistAfterMonths = activistAfterMonths, NoticeWorkingDays = noticeWorkingDays };

    internal void Change(int activistAfterMonths, int noticeWorkingDays)
    {
        ActivistAfterMonths = activistAfterMonths;
        NoticeWorkingDays = noticeWorkingDays;
    }
}

/// <summary>The settings that apply to a candidate: the nearest organization up the tree that set them, else the defaults.</summary>
public sealed record DevelopmentPolicy(int ActivistAfterMonths, int NoticeWorkingDays)
{
    public static readonly DevelopmentPolicy Default = new(DevelopmentSettings.DefaultActivistAfterMonths, DevelopmentSettings.DefaultNoticeWorkingDays);
}
