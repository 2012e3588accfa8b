using Dangjian.Core.Common;
using Dangjian.Core.Data;
using Dangjian.Core.Features.Access;
using Dangjian.Core.Features.Metrics;
using Dangjian.Core.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Core.Features.Summaries;

public sealed record GetSummaryTemplateQuery(long OrganizationId, SummaryKind Kind);

public sealed record SummaryTemplateVersion(int Version, DateTime CreatedAtUtc, string CreatedBy, int Length);

public sealed record SummaryTemplateDetails(
    long OrganizationId, string OrganizationName, SummaryKind Kind, EffectiveSummaryTemplate Effective, IReadOnlyList<SummaryTemplateVersion> History, bool CanWrite);

public sealed class GetSummaryTemplateHandler(IDbContextFactory<DangjianDbContext> dbFactory)
{
    public async Task<Result<SummaryTemplateDetails>> HandleAsync(GetSummaryTemplateQuery query, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await scope.Organizations(db.Organizations.AsNoTracking()).Where(o => o.Id == query.OrganizationId)
            .Select(o => new { o.Id, o.Name, o.Path }).SingleOrDefaultAsync(ct);
        if (organization is null) return OrganizationErrors.NotFound(query.OrganizationId);
        var effective = await SummaryTemplates.EffectiveAsync(db, organization.Path, query.Kind, SummaryRegistry.Default, ct);
        var history = await db.Set<SummaryTemplate>().AsNoTracking()
            .Where(t => t.OrganizationId == organization.Id && t.Kind == query.Kind)
            .OrderByDescending(t => t.Version)
            .Select(t => new SummaryTemplateVersion(t.Version, t.CreatedAtUtc, t.CreatedBy, t.Text.Length))
            .ToListAsync(ct);
        return new SummaryTemplateDetails(organization.Id, organization.Name, query.Kind, effective, history, scope.Allows(organization.Path, Permission.Write));
    }
}

/// <summary>Save a template for an organization and kind: a new version, or the reasons it is refused (each naming its line).</summary>
public sealed record SaveSummaryTemplateCommand(long OrganizationId, SummaryKind Kind, string? Text);

public sealed class SaveSummaryTemplateHandler(IDbContextFactory<DangjianDbContext> dbFactory, TimeProvider clock, ICurrentActor actor)
{
    public async Task<Result<int>> HandleAsync(SaveSummaryTemplateCommand command, AccessScope scope, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organization = await scope.Organizations(db.Organizations.AsNoTracking()).Where(o => o.Id == command.OrganizationId)
            .Select(o => new { o.Id, o.Path }).SingleOrDefaultAsync(ct);
        if (organization is null) return OrganizationErrors.NotFound(command.OrganizationId);
        var allowed = scope.Check(organization.Path, Permission.Write);
        if (!allowed.IsSuccess) return allowed.FirstError;

        var text = (command.Text ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0) return SummaryErrors.TemplateEmpty;
        if (text.Length > SummaryTemplate.TextMaxLength) return SummaryErrors.TemplateTooLong;
        var checkedText = await ValidateAsync(db, text, ct);
        if (!checkedText.IsSuccess) return Result<int>.Failure(checkedText.Errors);

        var last = await db.Set<SummaryTemplate>().Where(t => t.OrganizationId == organization.Id && t.Kind == command.Kind)
            .MaxAsync(t => (int?)t.Version, ct) ?? 0;
        db.Add(SummaryTemplate.Create(organization.Id, command.Kind, last + 1, text, clock.UtcNow(), actor));
        await db.SaveChangesAsync(ct);
        return last + 1;
    }

    /// <summary>Syntax first; then every metric reference against the catalogue, each error naming the line it is on.</summary>
    public static async Task<Result<Done>> ValidateAsync(DangjianDbContext db, string text, CancellationToken ct)
    {
        var parsed = SummaryMarkup.Parse(text);
        if (!parsed.IsSuccess) return Result<Done>.Failure(parsed.Errors);
        var errors = new List<Error>();
        var seen = new HashSet<string>();
        foreach (var block in parsed.Value)
        {
            foreach (var placeholder in SummaryMarkup.Segments(block.Text, block.Line).Value.Select(s => s.Placeholder))
            {
                if (placeholder?.Ref is not { } r || !seen.Add(r.ToString())) continue;
                var resolved = await MetricEvaluator.ResolveAsync(db, MetricCatalogue.Default, [r], ct);
                if (!resolved.IsSuccess) errors.AddRange(resolved.Errors.Select(e => SummaryMarkup.LineError(LineOf(text, placeholder.Text, block.Line), e.Message)));
            }
        }

        return errors.Count > 0 ? Result<Done>.Failure(errors) : Done.Value;
    }

    /// <summary>A paragraph spans lines; the error names the line the placeholder is actually on.</summary>
    private static int LineOf(string text, string placeholder, int from)
    {
        var lines = text.Split('\n');
        for (var i = from - 1; i < lines.Length; i++)
            if (lines[i].Contains(placeholder, StringComparison.Ordinal)) return i + 1;
        return from;
    }
}
