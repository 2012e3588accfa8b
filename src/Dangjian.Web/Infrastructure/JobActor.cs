using Dangjian.Core.Common;

namespace Dangjian.Web.Infrastructure;

/// <summary>
/// Who a background job acts for. Outside a request there is no signed-in user, so a worker names the job's owner here
/// before it resolves anything that audits; inside a request it stays empty and <see cref="HttpActor"/> answers.
/// </summary>
public sealed class JobActor
{
    public ICurrentActor? Actor { get; private set; }

    public void ActFor(string userId, string displayName) => Actor = new Fixed(userId, displayName);

    private sealed record Fixed(string? UserId, string DisplayName) : ICurrentActor;
}
