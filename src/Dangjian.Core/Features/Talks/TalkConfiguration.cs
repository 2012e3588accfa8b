using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Talks;

public sealed class HeartToHeartTalkConfiguration : IEntityTypeConfiguration<HeartToHeartTalk>
{
    public void Configure(EntityTypeBuilder<HeartToHeartTalk> builder)
    {
        builder.ToTable("HeartToHeartTalks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Topic).HasMaxLength(HeartToHeartTalk.TopicMaxLength).IsRequired();
        builder.Property(t => t.Note).HasMaxLength(HeartToHeartTalk.NoteMaxLength);
        builder.HasIndex(t => new { t.OrganizationId, t.HeldOn });
        builder.HasIndex(t => t.InitiatorMemberId);
        builder.HasIndex(t => t.PartnerMemberId);
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.InitiatorMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.PartnerMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
