using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Obligations;

public sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> builder)
    {
        builder.ToTable("Obligations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Code).HasMaxLength(Obligation.CodeMaxLength).IsRequired();
        builder.Property(o => o.Name).HasMaxLength(Obligation.NameMaxLength).IsRequired();
        builder.Property(o => o.Frequency).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(o => o.Target).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(o => o.Evidence).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(o => o.MeetingKindCodes).HasMaxLength(400).IsRequired();
        builder.Property(o => o.Source).HasMaxLength(Obligation.SourceMaxLength).IsRequired();
        builder.Ignore(o => o.KindCodes);
        builder.HasIndex(o => o.Code).IsUnique();
    }
}

public sealed class ObligationOverrideConfiguration : IEntityTypeConfiguration<ObligationOverride>
{
    public void Configure(EntityTypeBuilder<ObligationOverride> builder)
    {
        builder.ToTable("ObligationOverrides");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Frequency).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Reason).HasMaxLength(ObligationOverride.ReasonMaxLength);
        builder.HasIndex(o => new { o.OrganizationId, o.ObligationId }).IsUnique();
        builder.HasIndex(o => o.ObligationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Obligation>().WithMany().HasForeignKey(o => o.ObligationId).OnDelete(DeleteBehavior.Restrict);
    }
}
