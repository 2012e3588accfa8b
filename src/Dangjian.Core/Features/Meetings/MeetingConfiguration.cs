using Dangjian.Core.Features.Members;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Meetings;

public sealed class MeetingKindConfiguration : IEntityTypeConfiguration<MeetingKind>
{
    public void Configure(EntityTypeBuilder<MeetingKind> builder)
    {
        builder.ToTable("MeetingKinds");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Code).HasMaxLength(MeetingKind.CodeMaxLength).IsRequired();
        builder.Property(k => k.Name).HasMaxLength(MeetingKind.NameMaxLength).IsRequired();
        builder.HasIndex(k => k.Code).IsUnique();
        builder.HasIndex(k => k.Name).IsUnique();
    }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Topic).HasMaxLength(Meeting.TopicMaxLength).IsRequired();
        builder.Property(m => m.Place).HasMaxLength(Meeting.PlaceMaxLength);
        builder.Property(m => m.HostName).HasMaxLength(Meeting.NameMaxLength);
        builder.Property(m => m.RecorderName).HasMaxLength(Meeting.NameMaxLength);
        builder.Property(m => m.LecturerName).HasMaxLength(Meeting.NameMaxLength);
        builder.Property(m => m.LecturerRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Minutes).HasMaxLength(Meeting.MinutesMaxLength);
        builder.HasIndex(m => new { m.OrganizationId, m.HeldOn });
        builder.HasIndex(m => m.HeldOn);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.HostMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.RecorderMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.LecturerMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Kinds).WithOne().HasForeignKey(k => k.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.KeySpeakers).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingKindLinkConfiguration : IEntityTypeConfiguration<MeetingKindLink>
{
    public void Configure(EntityTypeBuilder<MeetingKindLink> builder)
    {
        builder.ToTable("MeetingKindLinks");
        builder.HasKey(k => new { k.MeetingId, k.MeetingKindId });
        builder.HasIndex(k => new { k.MeetingKindId, k.MeetingId });
        builder.HasOne<MeetingKind>().WithMany().HasForeignKey(k => k.MeetingKindId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> builder)
    {
        builder.ToTable("MeetingAttendees");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Meeting.NameMaxLength).IsRequired();
        builder.Property(a => a.Role).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(a => a.LeaveReason).HasMaxLength(MeetingAttendee.ReasonMaxLength);
        builder.Property(a => a.ExclusionReason).HasMaxLength(MeetingAttendee.ReasonMaxLength);
        builder.HasIndex(a => a.MeetingId);
        builder.HasIndex(a => a.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("MeetingAgendaItems");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Title).HasMaxLength(AgendaItem.TitleMaxLength).IsRequired();
        builder.Property(a => a.Topic).HasConversion<string>().HasMaxLength(20).IsRequired();
        builder.Property(a => a.Decision).HasMaxLength(AgendaItem.DecisionMaxLength);
        builder.Ignore(a => a.IsVoted);
        builder.HasIndex(a => a.MeetingId);
    }
}

public sealed class KeySpeakerConfiguration : IEntityTypeConfiguration<KeySpeaker>
{
    public void Configure(EntityTypeBuilder<KeySpeaker> builder)
    {
        builder.ToTable("MeetingKeySpeakers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Name).HasMaxLength(Meeting.NameMaxLength).IsRequired();
        builder.Property(s => s.Summary).HasMaxLength(KeySpeaker.SummaryMaxLength);
        builder.HasIndex(s => s.MeetingId);
        builder.HasIndex(s => s.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
