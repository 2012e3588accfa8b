using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Committees;

/// <summary>委员会职务 (domain.md §1).</summary>
public enum CommitteePost
{
    Secretary,
    DeputySecretary,
    OrganizationMember,
    PropagandaMember,
    DisciplineMember,
    Member,
}

public static class CommitteePostLabels
{
    public static string Label(this CommitteePost post) => post switch
    {
        CommitteePost.Secretary => "书记",
        CommitteePost.DeputySecretary => "副书记",
        CommitteePost.OrganizationMember => "组织委员",
        CommitteePost.PropagandaMember => "宣传委员",
        CommitteePost.DisciplineMember => "纪检委员",
        _ => "委员",
    };
}

/// <summary>一届: an organization's term of office, from the election that opened it to the one that closed it.</summary>
public sealed class Term : IOrganizationOwned
{
    public const int NoteMaxLength = 500;

    private Term()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }

    /// <summary>第几届.</summary>
    public int Number { get; private set; }

    public DateOnly StartedOn { get; private set; }

    /// <summary>StartedOn plus the term length for the organization's kind (《任期意见》).</summary>
    public DateOnly PlannedEndOn { get; private set; }

    public DateOnly? EndedOn { get; private set; }

    /// <summary>The approval of the higher organization for a 提前或延期换届, with its reference.</summary>
    public string? ApprovalNote { get; private set; }

    internal static Term Start(long organizationId, int number, DateOnly startedOn, DateOnly plannedEnd, string? approvalNote) => new()
    {
        OrganizationId = organizationId, Number = number, StartedOn = startedOn, PlannedEndOn = plannedEnd, ApprovalNote = approvalNote,
    };

    internal void End(DateOnly on, string? approvalNote)
    {
        EndedOn = on;
        if (!string.IsNullOrWhiteSpace(approvalNote)) ApprovalNote = approvalNote;
    }
}

/// <summary>换届选举: the counted figures of one election and whether it was valid.</summary>
public sealed class Election : IOrganizationOwned
{
    private Election()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public long TermId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public int Seats { get; private set; }
    public int ShouldAttend { get; private set; }
    public int Present { get; private set; }
    public int BallotsIssued { get; private set; }
    public int BallotsReturned { get; private set; }
    public int VoidBallots { get; private set; }

    /// <summary>Which reading of the quorum rule applied, copied from the organization's setting at the time.</summary>
    public bool StrictQuorum { get; private set; }

    public bool IsValid { get; private set; }

    internal static Election Record(long organizationId, long termId, DateOnly heldOn, ElectionCount count, bool strictQuorum, bool isValid) => new()
    {
        OrganizationId = organizationId, TermId = termId, HeldOn = heldOn, Seats = count.Seats, ShouldAttend = count.ShouldAttend,
        Present = count.Present, BallotsIssued = count.BallotsIssued, BallotsReturned = count.BallotsReturned, VoidBallots = count.VoidBallots,
        StrictQuorum = strictQuorum, IsValid = isValid,
    };
}

/// <summary>A candidate (候选人) of an election and the yes votes received.</summary>
public sealed class ElectionCandidate
{
    private ElectionCandidate()
    {
    }

    public long Id { get; private set; }
    public long ElectionId { get; private set; }
    public long? MemberId { get; private set; }
    public string Name { get; private set; } = "";
    public int Votes { get; private set; }
    public bool Elected { get; private set; }

    internal static ElectionCandidate Create(long electionId, long? memberId, string name, int votes, bool elected) => new()
    {
        ElectionId = electionId, MemberId = memberId, Name = name, Votes = votes, Elected = elected,
    };
}

/// <summary>A seat on the 委员会 (or the 书记/副书记 of a branch without one), held from <see cref="From"/> until <see cref="To"/> (exclusive).</summary>
public sealed class CommitteeMember : IOrganizationOwned
{
    public const int NameMaxLength = 50;

    private CommitteeMember()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public long? TermId { get; private set; }
    public long? MemberId { get; private set; }
    public string Name { get; private set; } = "";
    public CommitteePost Post { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly? To { get; private set; }

    public bool IsCurrentOn(DateOnly date) => From <= date && (To is null || To > date);

    internal static CommitteeMember Appoint(long organizationId, long? termId, long? memberId, string name, CommitteePost post, DateOnly from) => new()
    {
        OrganizationId = organizationId, TermId = termId, MemberId = memberId, Name = name, Post = post, From = from,
    };

    internal void End(DateOnly on) => To = on;
}

/// <summary>
/// Per-organization election settings. The quorum wording of 《选举条例》 is disputed ("超过" vs "不少于" four fifths), so it is a
/// [default] setting: strict unless an administrator changes it; the audit log records who changed it and when.
/// </summary>
public sealed class ElectionSettings : IOrganizationOwned
{
    private ElectionSettings()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public bool StrictQuorum { get; private set; } = true;

    internal static ElectionSettings For(long organizationId, bool strictQuorum) => new() { OrganizationId = organizationId, StrictQuorum = strictQuorum };

    internal void Change(bool strictQuorum) => StrictQuorum = strictQuorum;
}
