using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.WorkLog.CustomIndicators;

public sealed class CustomIndicatorConfiguration : IEntityTypeConfiguration<CustomIndicator>
{
    public void Configure(EntityTypeBuilder<CustomIndicator> builder)
    {
        builder.ToTable("CustomIndicators");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Key).HasMaxLength(CustomIndicator.KeyMaxLength).IsRequired();
        builder.Property(i => i.Name).HasMaxLength(CustomIndicator.NameMaxLength).IsRequired();
        builder.Property(i => i.Unit).HasMaxLength(CustomIndicator.UnitMaxLength).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(CustomIndicator.DescriptionMaxLength);
        builder.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(10).IsRequired();
        builder.Ignore(i => i.MetricKey);
        builder.HasIndex(i => i.Key).IsUnique();
        builder.HasIndex(i => i.OrganizationId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CustomIndicatorValueConfiguration : IEntityTypeConfiguration<CustomIndicatorValue>
{
    public void Configure(EntityTypeBuilder<CustomIndicatorValue> builder)
    {
        builder.ToTable("CustomIndicatorValues");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Value).HasPrecision(18, CustomIndicator.MaxDecimals);
        builder.Property(v => v.Note).HasMaxLength(CustomIndicatorValue.NoteMaxLength);
        builder.HasIndex(v => new { v.IndicatorId, v.RecordedOn });
        builder.HasIndex(v => new { v.OrganizationId, v.RecordedOn });
        builder.HasOne<CustomIndicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organization>().WithMany().HasForeignKey(v => v.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
