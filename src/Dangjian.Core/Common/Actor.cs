namespace Dangjian.Core.Common;

/// <summary>
/// Who is making a change. Core knows users only by id and display name (architecture decision 0);
/// the host fills this in per request, the CLI with its operator.
/// </summary>
public interface ICurrentActor
{
    string? UserId { get; }
    string DisplayName { get; }
}

public sealed class FixedActor(string? userId, string displayName) : ICurrentActor
{
    public static readonly FixedActor System = new(null, "系统");
    public string? UserId { get; } = userId;
    public string DisplayName { get; } = displayName;
}
