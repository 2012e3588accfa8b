using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Dues;

/// <summary>Money is decimal(18,2) everywhere (domain.md §5: never floating point).</summary>
internal static class Money
{
    public static PropertyBuilder<T> AsMoney<T>(this PropertyBuilder<T> property) => property.HasPrecision(18, 2);
}

public sealed class DuesProfileConfiguration : IEntityTypeConfiguration<DuesProfile>
{
    public void Configure(EntityTypeBuilder<DuesProfile> builder)
    {
        builder.ToTable("DuesProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.MemberType).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(p => p.GrossRegularPay).AsMoney();
        builder.Property(p => p.IncomeTax).AsMoney();
        builder.Property(p => p.SocialInsuranceIndividual).AsMoney();
        builder.Property(p => p.SocialInsuranceEmployer).AsMoney();
        builder.Property(p => p.Annuity).AsMoney();
        builder.Property(p => p.ExcludedAllowances).AsMoney();
        builder.Property(p => p.Base).AsMoney();
        builder.Property(p => p.FixedAmount).AsMoney();
        builder.Property(p => p.Rate).HasPrecision(6, 4);
        builder.Property(p => p.ComputedMonthly).AsMoney();
        builder.Property(p => p.OverrideMonthly).AsMoney();
        builder.Property(p => p.OverrideReason).HasMaxLength(DuesProfile.ReasonMaxLength);
        builder.Ignore(p => p.Monthly);
        builder.HasIndex(p => new { p.MemberId, p.Year }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.Year });
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DuesReductionConfiguration : IEntityTypeConfiguration<DuesReduction>
{
    public void Configure(EntityTypeBuilder<DuesReduction> builder)
    {
        builder.ToTable("DuesReductions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ReducedMonthly).AsMoney();
        builder.Property(r => r.Reason).HasMaxLength(DuesReduction.TextMaxLength).IsRequired();
        builder.Property(r => r.BranchDecisionNote).HasMaxLength(DuesReduction.TextMaxLength);
        builder.Property(r => r.HigherApprovalNote).HasMaxLength(DuesReduction.TextMaxLength);
        builder.HasIndex(r => new { r.MemberId, r.FromMonth });
        builder.HasIndex(r => r.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DuesLedgerLineConfiguration : IEntityTypeConfiguration<DuesLedgerLine>
{
    public void Configure(EntityTypeBuilder<DuesLedgerLine> builder)
    {
        builder.ToTable("DuesLedgerLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Due).AsMoney();
        builder.Property(l => l.Paid).AsMoney();
        builder.Property(l => l.ExcusedReason).HasMaxLength(DuesLedgerLine.ReasonMaxLength);
        builder.Ignore(l => l.Outstanding);
        builder.HasIndex(l => new { l.MemberId, l.Month }).IsUnique();
        // Covering: the subtree's dues figures read the amounts and members from the index alone (migration 16).
        builder.HasIndex(l => new { l.OrganizationId, l.Month, l.Due, l.Paid, l.MemberId, l.Id }).HasDatabaseName("IX_DuesLedgerLines_OrganizationId_Month_Covering");
        builder.HasIndex(l => l.Month);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DuesPaymentConfiguration : IEntityTypeConfiguration<DuesPayment>
{
    public void Configure(EntityTypeBuilder<DuesPayment> builder)
    {
        builder.ToTable("DuesPayments");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Amount).AsMoney();
        builder.Property(p => p.VoluntaryExtra).AsMoney();
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(p => p.CollectorName).HasMaxLength(DuesPayment.NameMaxLength);
        builder.Property(p => p.ReceiptNumber).HasMaxLength(DuesPayment.ReceiptMaxLength);
        builder.Property(p => p.Note).HasMaxLength(DuesPayment.NoteMaxLength);
        builder.HasIndex(p => new { p.OrganizationId, p.PaidOn });
        builder.HasIndex(p => new { p.MemberId, p.PaidOn });
        builder.HasIndex(p => p.PaidByMemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.PaidByMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DuesAllocationConfiguration : IEntityTypeConfiguration<DuesAllocation>
{
    public void Configure(EntityTypeBuilder<DuesAllocation> builder)
    {
        builder.ToTable("DuesAllocations");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Amount).AsMoney();
        builder.HasIndex(a => a.PaymentId);
        builder.HasIndex(a => a.LedgerLineId);
        builder.HasOne<DuesPayment>().WithMany().HasForeignKey(a => a.PaymentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DuesLedgerLine>().WithMany().HasForeignKey(a => a.LedgerLineId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DuesReviewCaseConfiguration : IEntityTypeConfiguration<DuesReviewCase>
{
    public void Configure(EntityTypeBuilder<DuesReviewCase> builder)
    {
        builder.ToTable("DuesReviewCases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(c => c.Decision).HasMaxLength(DuesReviewCase.TextMaxLength);
        builder.HasIndex(c => new { c.OrganizationId, c.Status });
        builder.HasIndex(c => new { c.MemberId, c.Status });

        // One open case per member, held by the database so that two checks running at once cannot open a second one.
        builder.HasIndex(c => c.MemberId).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName(DuesReviewCase.OneOpenPerMemberIndex);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DuesRemittanceConfiguration : IEntityTypeConfiguration<DuesRemittance>
{
    public void Configure(EntityTypeBuilder<DuesRemittance> builder)
    {
        builder.ToTable("DuesRemittances");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Amount).AsMoney();
        builder.Property(r => r.LargeVoluntaryAmount).AsMoney();
        builder.Property(r => r.Note).HasMaxLength(DuesRemittance.NoteMaxLength);
        builder.HasIndex(r => new { r.OrganizationId, r.PeriodFrom });
        builder.HasIndex(r => r.ToOrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(r => r.ToOrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DuesSettingsConfiguration : IEntityTypeConfiguration<DuesSettings>
{
    public void Configure(EntityTypeBuilder<DuesSettings> builder)
    {
        builder.ToTable("DuesSettings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.HeldSharePercent).HasPrecision(5, 2);
        builder.HasIndex(s => s.OrganizationId).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
