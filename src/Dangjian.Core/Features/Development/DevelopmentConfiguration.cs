using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Development;

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.ToTable("Candidates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Member.NameMaxLength).IsRequired();
        builder.Property(c => c.Gender).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(c => c.Ethnicity).HasMaxLength(20).IsRequired();
        builder.Property(c => c.IdNumber).HasMaxLength(18).IsRequired();
        builder.Property(c => c.NativePlace).HasMaxLength(Member.TextMaxLength);
        builder.Property(c => c.Education).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Occupation).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.EmploymentStatus).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(c => c.Employer).HasMaxLength(Member.TextMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.CancellationReason).HasMaxLength(500);
        builder.Ignore(c => c.ProbationEndsOn);
        builder.HasIndex(c => c.IdNumber).IsUnique();
        builder.HasIndex(c => c.OrganizationId);
        builder.HasIndex(c => c.MemberId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.People).WithOne().HasForeignKey(p => p.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CandidateStepConfiguration : IEntityTypeConfiguration<CandidateStep>
{
    public void Configure(EntityTypeBuilder<CandidateStep> builder)
    {
        builder.ToTable("CandidateSteps");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Person).HasMaxLength(100);
        builder.Property(s => s.Note).HasMaxLength(500);
        builder.Ignore(s => s.Vote);
        builder.HasIndex(s => new { s.CandidateId, s.Step });
        builder.HasIndex(s => s.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CandidatePersonConfiguration : IEntityTypeConfiguration<CandidatePerson>
{
    public void Configure(EntityTypeBuilder<CandidatePerson> builder)
    {
        builder.ToTable("CandidatePeople");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.HasIndex(p => p.CandidateId);
        builder.HasIndex(p => p.MemberId);
        builder.HasIndex(p => p.OrganizationId);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DevelopmentPlanConfiguration : IEntityTypeConfiguration<DevelopmentPlan>
{
    public void Configure(EntityTypeBuilder<DevelopmentPlan> builder)
    {
        builder.ToTable("DevelopmentPlans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Note).HasMaxLength(500);
        builder.Ignore(p => p.Text);
        builder.HasIndex(p => new { p.OrganizationId, p.Year }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DevelopmentSettingsConfiguration : IEntityTypeConfiguration<DevelopmentSettings>
{
    public void Configure(EntityTypeBuilder<DevelopmentSettings> builder)
    {
        builder.ToTable("DevelopmentSettings");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.OrganizationId).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class HolidayDayConfiguration : IEntityTypeConfiguration<HolidayDay>
{
    public void Configure(EntityTypeBuilder<HolidayDay> builder)
    {
        builder.ToTable("HolidayDays");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(50);
        builder.HasIndex(d => d.Date).IsUnique();
        builder.HasIndex(d => d.NoticeYear);
    }
}
