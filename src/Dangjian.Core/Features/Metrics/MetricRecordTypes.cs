namespace Dangjian.Core.Features.Metrics;

/// <summary>
/// The values of <see cref="MetricRecord.RecordType"/>, one per kind of record a metric can list, so the web host can map each
/// to the page that shows it: meeting, member, committeeTerm, transfer, evaluation, talk, duesLine, duesPayment, duesRemittance,
/// organization, memberFile, donationDrive, commendation, careVisit. Records that belong to another record are listed as their parent (an agenda item, a key speaker
/// organization, memberFile, customValue, candidate (a person in the 发展党员 pipeline), developmentPlan. Records that belong to another record are listed as their parent (an agenda item, a key speaker
/// or an attendee as its meeting; an election as its term; an evaluation entry as its session).
/// </summary>
public static class MetricRecordTypes
{
    public const string Meeting = "meeting";
    public const string Member = "member";
    public const string CommitteeTerm = "committeeTerm";
    public const string Transfer = "transfer";
    public const string Evaluation = "evaluation";
    public const string Talk = "talk";
    public const string DuesLine = "duesLine";
    public const string DuesPayment = "duesPayment";
    public const string DuesRemittance = "duesRemittance";
    public const string Organization = "organization";
    public const string MemberFile = "memberFile";
    public const string VolunteerActivity = "volunteerActivity";
    public const string CommunityReport = "communityReport";
    public const string PioneerPost = "pioneerPost";
    public const string DonationDrive = "donationDrive";
    public const string Commendation = "commendation";
    public const string CareVisit = "careVisit";
    public const string AssistanceHousehold = "assistanceHousehold";
    public const string PublicityItem = "publicityItem";
    public const string BrandActivity = "brandActivity";
    public const string CustomValue = "customValue";
    public const string Candidate = "candidate";
    public const string DevelopmentPlan = "developmentPlan";

    public static IReadOnlyList<string> All { get; } =
        [Meeting, Member, CommitteeTerm, Transfer, Evaluation, Talk, DuesLine, DuesPayment, DuesRemittance, Organization, MemberFile, VolunteerActivity, CommunityReport, PioneerPost, DonationDrive, Commendation, CareVisit, AssistanceHousehold, PublicityItem, BrandActivity, CustomValue, Candidate, DevelopmentPlan];
}
