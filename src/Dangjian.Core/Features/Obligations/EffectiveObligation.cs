using Dangjian.Core.Common;

namespace Dangjian.Core.Features.Obligations;

/// <summary>
/// An obligation as it applies to one organization: the seeded default, or the nearest override on the organization's path.
/// <see cref="OverrideOrganizationId"/> names the organization whose override decided it (null: the default).
/// </summary>
public sealed record EffectiveObligation(
    long ObligationId,
    string Code,
    string Name,
    ObligationFrequency Frequency,
    int MinCount,
    ObligationTarget Target,
    ObligationEvidence Evidence,
    IReadOnlyList<string> KindCodes,
    string Source,
    int SortOrder,
    bool Enabled,
    long? OverrideOrganizationId,
    string? OverrideReason)
{
    public static EffectiveObligation Default(Obligation o) =>
        new(o.Id, o.Code, o.Name, o.Frequency, o.MinCount, o.Target, o.Evidence, o.KindCodes, o.Source, o.SortOrder, true, null, null);

    /// <summary>
    /// An override replaces the default as a whole: a field it leaves empty means the seeded default, not an ancestor's
    /// override (ADR 0009), so reading one override row is enough to know what applies.
    /// </summary>
    public EffectiveObligation With(ObligationOverride o, Obligation defaults) => this with
    {
        Enabled = o.Enabled,
        Frequency = o.Frequency ?? defaults.Frequency,
        MinCount = o.MinCount ?? defaults.MinCount,
        OverrideOrganizationId = o.OrganizationId,
        OverrideReason = o.Reason,
    };
}

/// <summary>Resolves obligations for organizations from a set of overrides: the nearest override on the path wins.</summary>
public sealed class ObligationResolver
{
    private readonly IReadOnlyList<Obligation> _obligations;
    private readonly Dictionary<(long ObligationId, long OrganizationId), ObligationOverride> _overrides;

    public ObligationResolver(IReadOnlyList<Obligation> obligations, IEnumerable<ObligationOverride> overrides)
    {
        _obligations = obligations;
        _overrides = overrides.ToDictionary(o => (o.ObligationId, o.OrganizationId));
    }

    public IReadOnlyList<Obligation> Obligations => _obligations;

    public bool HasOverrides => _overrides.Count > 0;

    /// <summary>The obligation for the organization at <paramref name="path"/>, walking from the node itself up to the root.</summary>
    public EffectiveObligation Resolve(Obligation obligation, string path)
    {
        var effective = EffectiveObligation.Default(obligation);
        if (_overrides.Count == 0) return effective;
        var ids = OrgPath.Ids(path);
        for (var i = ids.Count - 1; i >= 0; i--)
        {
            if (_overrides.TryGetValue((obligation.Id, ids[i]), out var found)) return effective.With(found, obligation);
        }

        return effective;
    }
}
