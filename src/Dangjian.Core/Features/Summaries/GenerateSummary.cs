using System.Text.Json;
using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Summaries;

/// <summary>Draft the 党建工作总结 of an organization's subtree for [From, To].</summary>
public sealed record GenerateSummaryCommand(long? OrganizationId, DateOnly? From, DateOnly? To, SummaryKind? Kind);

public sealed record SummaryDraftDetails(
    long Id, long OrganizationId, string OrganizationName, string OrganizationPath, SummaryKind Kind, DateOnly From, DateOnly To, int TemplateVersion,
    long? TemplateOrganizationId, string Title, IReadOnlyList<SummaryBlock> Blocks, IReadOnlyList<SummaryFigure> Figures, IReadOnlyList<SummaryMissing> Missing,
    DateTime CreatedAtUtc, string CreatedBy, DateTime? UpdatedAtUtc, string? UpdatedBy)
{
    /// <summary>The 落款 date: the day the draft was made, China time.</summary>
    public DateOnly IssuedOn => DateOnly.FromDateTime(ChinaClock.ToChinaTime(UpdatedAtUtc ?? CreatedAtUtc).DateTime);

    public string TemplateLabel => TemplateVersion == 0 ? "系统默认模板" : $"第 {TemplateVersion} 版模板";

    /// <summary>The page listing the records behind a figure (shared URL contract with the statistics pages).</summary>
    public string RecordsLink(SummaryFigure figure) =>
        $"/metrics/records?org={OrganizationId}&subtree=true&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&key={Uri.EscapeDataString(figure.Ref)}";

    /// <summary>File name without extension, e.g. "第一党支部2020年上半年党建工作总结".</summary>
    public string FileName => string.Concat(Title.Split(Path.GetInvalidFileNameChars())).Trim() is { Length: > 0 } name ? name : "党建工作总结";
}

public sealed class GenerateSummaryHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public async Task<Result<SummaryDraftDetails>> HandleAsync(GenerateSummaryCommand command, AccessScope scope, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (command.OrganizationId is null) errors.Add(SummaryErrors.OrganizationMissing);
        if (command.From is null || command.To is null) errors.Add(SummaryErrors.PeriodMissing);
        if (command.Kind is null) errors.Add(SummaryErrors.KindMissing);
        if (command is { From: { } f, To: { } t })
        {
            if (f > t) errors.Add(SummaryErrors.PeriodOrder(f, t));
            else if (f.AddYears(1) <= t) errors.Add(SummaryErrors.PeriodTooLong);
        }

        if (errors.Count > 0) return Result<SummaryDraftDetails>.Failure(errors);
        var (from, to, kind) = (command.From!.Value, command.To!.Value, command.Kind!.Value);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await scope.Organizations(db.Organizations.AsNoTracking())
            .Where(o => o.Id == command.OrganizationId).Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (organization is null) return OrganizationErrors.NotFound(command.OrganizationId!.Value);

        var registry = SummaryRegistry.Default;
        var template = await SummaryTemplates.EffectiveAsync(db, organization.Path, kind, registry, ct);
        var content = await SummaryDrafter.DraftAsync(db, registry, MetricCatalogue.Default, template.Text, kind,
            new MetricTarget(organization.Id, organization.Path), organization.Name, from, to, clock.Today(), ct);
        if (!content.IsSuccess) return Result<SummaryDraftDetails>.Failure(content.Errors);

        var c = content.Value;
        var draft = SummaryDraft.Create(organization.Id, kind, from, to, template.Version, template.OrganizationId, c.Title,
            JsonSerializer.Serialize(c.Blocks, SummaryDrafter.Json), JsonSerializer.Serialize(c.Figures, SummaryDrafter.Json),
            JsonSerializer.Serialize(c.Missing, SummaryDrafter.Json), clock.UtcNow(), actor);
        db.Add(draft);
        await db.SaveChangesAsync(ct);
        return SummaryDrafts.Details(draft, organization.Name, organization.Path);
    }
}

public sealed record GetSummaryDraftQuery(long Id);

public sealed class GetSummaryDraftHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<SummaryDraftDetails>> HandleAsync(GetSummaryDraftQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from d in db.Set<SummaryDraft>().AsNoTracking()
                         join o in scope.Organizations(db.Organizations.AsNoTracking()) on d.OrganizationId equals o.Id
                         where d.Id == query.Id
                         select new { Draft = d, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        return row is null ? SummaryErrors.DraftNotFound(query.Id) : SummaryDrafts.Details(row.Draft, row.Name, row.Path);
    }
}

/// <summary>The user's edits of a draft's blocks, in block order (same count as the draft).</summary>
public sealed record SaveSummaryDraftCommand(long Id, IReadOnlyList<string?> Texts);

public sealed class SaveSummaryDraftHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public const int BlockMaxLength = 5000;

    public async Task<Result<SummaryDraftDetails>> HandleAsync(SaveSummaryDraftCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await (from d in db.Set<SummaryDraft>().AsNoTracking()
                           join o in scope.Organizations(db.Organizations.AsNoTracking()) on d.OrganizationId equals o.Id
                           where d.Id == command.Id
                           select new { o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (owner is null) return SummaryErrors.DraftNotFound(command.Id);
        var draft = await db.Set<SummaryDraft>().SingleAsync(d => d.Id == command.Id, ct);
        var row = new { Draft = draft, owner.Name, owner.Path };
        var blocks = SummaryDrafts.Blocks(row.Draft);
        if (command.Texts.Count != blocks.Count) return SummaryErrors.BlocksChanged;
        var edited = new List<SummaryBlock>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = (command.Texts[i] ?? "").Replace("\r\n", "\n").Trim();
            if (text.Length > BlockMaxLength) return Error.Validation("summary.block", $"第 {i + 1} 段超过 {BlockMaxLength} 个字", "blocks");
            if (text.Length == 0 && blocks[i].Kind == SummaryBlockKinds.Title) return Error.Validation("summary.title", "标题不能为空", "blocks");
            edited.Add(blocks[i] with { Text = text });
        }

        var title = edited.FirstOrDefault(b => b.Kind == SummaryBlockKinds.Title)?.Text ?? row.Draft.Title;
        row.Draft.Edit(title, JsonSerializer.Serialize(edited, SummaryDrafter.Json), clock.UtcNow(), actor);
        await db.SaveChangesAsync(ct);
        return SummaryDrafts.Details(row.Draft, row.Name, row.Path);
    }
}

public sealed record ListSummaryDraftsQuery(long? Under = null, int? Page = null, int? PageSize = null);

public sealed record SummaryDraftListItem(long Id, long OrganizationId, string OrganizationName, SummaryKind Kind, DateOnly From, DateOnly To, string Title, DateTime CreatedAtUtc, string CreatedBy, DateTime? UpdatedAtUtc);

public sealed class ListSummaryDraftsHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<Page<SummaryDraftListItem>>> HandleAsync(ListSummaryDraftsQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizations = await db.InScopeUnderAsync(scope, query.Under, ct);
        if (!organizations.IsSuccess) return organizations.FirstError;
        var rows = from d in db.Set<SummaryDraft>().AsNoTracking()
                   join o in organizations.Value on d.OrganizationId equals o.Id
                   select new { d.Id, d.OrganizationId, o.Name, d.Kind, d.From, d.To, d.Title, d.CreatedAtUtc, d.CreatedBy, d.UpdatedAtUtc };
        var size = Page<SummaryDraftListItem>.NormalizeSize(query.PageSize);
        var number = Page<SummaryDraftListItem>.NormalizeNumber(query.Page);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderByDescending(r => r.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = list.Select(d => new SummaryDraftListItem(d.Id, d.OrganizationId, d.Name, d.Kind, d.From, d.To, d.Title, d.CreatedAtUtc, d.CreatedBy, d.UpdatedAtUtc)).ToList();
        return new Page<SummaryDraftListItem>(items, total, number, size);
    }
}

internal static class SummaryDrafts
{
    public static IReadOnlyList<SummaryBlock> Blocks(SummaryDraft draft) =>
        JsonSerializer.Deserialize<List<SummaryBlock>>(draft.BlocksJson, SummaryDrafter.Json) ?? [];

    public static SummaryDraftDetails Details(SummaryDraft d, string name, string path) => new(
        d.Id, d.OrganizationId, name, path, d.Kind, d.From, d.To, d.TemplateVersion, d.TemplateOrganizationId, d.Title, Blocks(d),
        JsonSerializer.Deserialize<List<SummaryFigure>>(d.FiguresJson, SummaryDrafter.Json) ?? [],
        JsonSerializer.Deserialize<List<SummaryMissing>>(d.MissingJson, SummaryDrafter.Json) ?? [],
        d.CreatedAtUtc, d.CreatedBy, d.UpdatedAtUtc, d.UpdatedBy);
}
