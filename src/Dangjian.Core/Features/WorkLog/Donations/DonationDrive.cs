using Dangjian.Core.Common;
using Dangjian.Core.Features.Attachments;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.WorkLog.Donations;

/// <summary>Where a drive's money goes (the summaries say "其中向党组织捐款……").</summary>
public enum DonationRecipient
{
    PartyOrganization,
    RedCross,
    CharityFederation,
    Other,
}

public static class DonationRecipientLabels
{
    public static string Label(this DonationRecipient recipient) => recipient switch
    {
        DonationRecipient.PartyOrganization => "党组织",
        DonationRecipient.RedCross => "红十字会",
        DonationRecipient.CharityFederation => "慈善总会",
        _ => "其他",
    };

    public static DonationRecipient? Parse(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        if (Enum.TryParse<DonationRecipient>(t, out var byName) && Enum.IsDefined(byName)) return byName;
        return Enum.GetValues<DonationRecipient>().Cast<DonationRecipient?>().FirstOrDefault(r => r!.Value.Label() == t);
    }
}

/// <summary>
/// 捐款活动: one drive of an organization on a date, for a purpose, to a recipient. Party members who gave are listed one by one
/// (linked, with their amount); people outside the party who gave are recorded as a count and a sum. Donors, amount and the
/// rate are derived, never typed.
/// </summary>
public sealed class DonationDrive : IOrganizationOwned
{
    public const int PurposeMaxLength = 200;
    public const int NoteMaxLength = 1000;

    private DonationDrive()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public DateOnly HeldOn { get; private set; }
    public string Purpose { get; private set; } = "";
    public DonationRecipient Recipient { get; private set; }

    /// <summary>Donors who are not listed members (群众、职工): how many.</summary>
    public int OutsideDonors { get; private set; }

    /// <summary>What the outside donors gave together, 元.</summary>
    public decimal OutsideAmount { get; private set; }

    public string? Note { get; private set; }

    public List<DonationDonor> Donors { get; private set; } = [];

    public static DonationDrive Create(long organizationId, ValidDonationDrive v)
    {
        var drive = new DonationDrive { OrganizationId = organizationId };
        drive.Update(v);
        return drive;
    }

    public void Update(ValidDonationDrive v)
    {
        HeldOn = v.HeldOn;
        Purpose = v.Purpose;
        Recipient = v.Recipient;
        OutsideDonors = v.OutsideDonors;
        OutsideAmount = v.OutsideAmount;
        Note = v.Note;
        var wanted = v.Donors.ToDictionary(d => d.MemberId, d => d.Amount);
        Donors.RemoveAll(d => !wanted.ContainsKey(d.MemberId));
        foreach (var donor in Donors) donor.Amount = wanted[donor.MemberId];
        foreach (var (memberId, amount) in wanted.Where(w => Donors.All(d => d.MemberId != w.Key))) Donors.Add(new DonationDonor { MemberId = memberId, Amount = amount });
    }

    public void AddDonors(IEnumerable<(long MemberId, decimal Amount)> donors)
    {
        foreach (var (memberId, amount) in donors) Donors.Add(new DonationDonor { MemberId = memberId, Amount = amount });
    }
}

/// <summary>One party member's gift in a drive.</summary>
public sealed class DonationDonor
{
    public long Id { get; private set; }
    public long DriveId { get; private set; }
    public long MemberId { get; init; }
    public decimal Amount { get; set; }
}

public sealed class DonationDriveConfiguration : IEntityTypeConfiguration<DonationDrive>
{
    public void Configure(EntityTypeBuilder<DonationDrive> builder)
    {
        builder.ToTable("DonationDrives");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Purpose).HasMaxLength(DonationDrive.PurposeMaxLength).IsRequired();
        builder.Property(d => d.Recipient).HasConversion<string>().HasMaxLength(24).IsRequired();
        builder.Property(d => d.OutsideAmount).HasPrecision(18, 2);
        builder.Property(d => d.Note).HasMaxLength(DonationDrive.NoteMaxLength);
        builder.HasIndex(d => new { d.OrganizationId, d.HeldOn });
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Donors).WithOne().HasForeignKey(x => x.DriveId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DonationDonorConfiguration : IEntityTypeConfiguration<DonationDonor>
{
    public void Configure(EntityTypeBuilder<DonationDonor> builder)
    {
        builder.ToTable("DonationDonors");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Amount).HasPrecision(18, 2);
        builder.HasIndex(d => new { d.DriveId, d.MemberId }).IsUnique();
        builder.HasIndex(d => d.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Donation drives carry attachments (receipts, photos): they belong to the drive's organization.</summary>
public sealed class DonationDriveAttachmentOwner : IAttachmentOwner
{
    public const string Kind = "donationDrive";

    public string OwnerKind => Kind;

    public async Task<long?> FindOrganizationIdAsync(DangjianDbContext db, long ownerId, CancellationToken ct) =>
        await db.Set<DonationDrive>().Where(d => d.Id == ownerId).Select(d => (long?)d.OrganizationId).SingleOrDefaultAsync(ct);
}
