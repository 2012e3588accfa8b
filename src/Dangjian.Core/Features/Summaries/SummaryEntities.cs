using Dangjian.Core.Common;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Core.Features.Summaries;

/// <summary>
/// One version of an organization's summary template of one kind (docs/adr/0013). Saving never overwrites: it adds the next
/// version, so every draft can name the version it was drafted from.
/// </summary>
public sealed class SummaryTemplate : IOrganizationOwned
{
    public const int TextMaxLength = 20000;
    public const int NameMaxLength = 100;

    private SummaryTemplate()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public SummaryKind Kind { get; private set; }
    public int Version { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public string? CreatedByUserId { get; private set; }

    internal static SummaryTemplate Create(long organizationId, SummaryKind kind, int version, string text, DateTime nowUtc, ICurrentActor actor) => new()
    {
        OrganizationId = organizationId, Kind = kind, Version = version, Text = text, CreatedAtUtc = nowUtc,
        CreatedBy = Shorten(actor.DisplayName), CreatedByUserId = actor.UserId,
    };

    internal static string Shorten(string name) => name.Length <= NameMaxLength ? name : name[..NameMaxLength];
}

/// <summary>
/// A drafted summary: the blocks a user edits before downloading, the figures it was drafted from (the "数字核对" list) and the
/// figures still to be filled in (待补充), each as JSON text.
/// </summary>
public sealed class SummaryDraft : IOrganizationOwned
{
    public const int TitleMaxLength = 200;

    private SummaryDraft()
    {
    }

    public long Id { get; private set; }
    public long OrganizationId { get; private set; }
    public SummaryKind Kind { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }

    /// <summary>The template version drafted from; 0 for the shipped template.</summary>
    public int TemplateVersion { get; private set; }

    /// <summary>The organization whose template was used (itself or an ancestor); null for the shipped template.</summary>
    public long? TemplateOrganizationId { get; private set; }

    public string Title { get; private set; } = "";
    public string BlocksJson { get; private set; } = "[]";
    public string FiguresJson { get; private set; } = "[]";
    public string MissingJson { get; private set; } = "[]";
    public DateTime CreatedAtUtc { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public string? CreatedByUserId { get; private set; }
    public DateTime? UpdatedAtUtc { get; private set; }
    public string? UpdatedBy { get; private set; }

    internal static SummaryDraft Create(long organizationId, SummaryKind kind, DateOnly from, DateOnly to, int templateVersion, long? templateOrganizationId,
        string title, string blocksJson, string figuresJson, string missingJson, DateTime nowUtc, ICurrentActor actor) => new()
    {
        OrganizationId = organizationId, Kind = kind, From = from, To = to, TemplateVersion = templateVersion, TemplateOrganizationId = templateOrganizationId,
        Title = Cut(title), BlocksJson = blocksJson, FiguresJson = figuresJson, MissingJson = missingJson, CreatedAtUtc = nowUtc,
        CreatedBy = SummaryTemplate.Shorten(actor.DisplayName), CreatedByUserId = actor.UserId,
    };

    internal void Edit(string title, string blocksJson, DateTime nowUtc, ICurrentActor actor)
    {
        Title = Cut(title);
        BlocksJson = blocksJson;
        UpdatedAtUtc = nowUtc;
        UpdatedBy = SummaryTemplate.Shorten(actor.DisplayName);
    }

    private static string Cut(string title) => title.Length <= TitleMaxLength ? title : title[..TitleMaxLength];
}

public sealed class SummaryTemplateConfiguration : IEntityTypeConfiguration<SummaryTemplate>
{
    public void Configure(EntityTypeBuilder<SummaryTemplate> builder)
    {
        builder.ToTable("SummaryTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(t => t.Text).HasMaxLength(SummaryTemplate.TextMaxLength).IsRequired();
        builder.Property(t => t.CreatedBy).HasMaxLength(SummaryTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.CreatedByUserId).HasMaxLength(64);
        builder.HasIndex(t => new { t.OrganizationId, t.Kind, t.Version }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SummaryDraftConfiguration : IEntityTypeConfiguration<SummaryDraft>
{
    public void Configure(EntityTypeBuilder<SummaryDraft> builder)
    {
        builder.ToTable("SummaryDrafts");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(d => d.Title).HasMaxLength(SummaryDraft.TitleMaxLength).IsRequired();
        builder.Property(d => d.BlocksJson).IsRequired();
        builder.Property(d => d.FiguresJson).IsRequired();
        builder.Property(d => d.MissingJson).IsRequired();
        builder.Property(d => d.CreatedBy).HasMaxLength(SummaryTemplate.NameMaxLength).IsRequired();
        builder.Property(d => d.CreatedByUserId).HasMaxLength(64);
        builder.Property(d => d.UpdatedBy).HasMaxLength(SummaryTemplate.NameMaxLength);
        builder.HasIndex(d => new { d.OrganizationId, d.CreatedAtUtc });
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
