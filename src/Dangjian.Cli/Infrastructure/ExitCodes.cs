namespace Dangjian.Cli.Infrastructure;

/// <summary>
/// Scripts branch on these: 1 means "the system refused what you asked" (fix the data), 2 means "you called me wrong"
/// (fix the command line). Keeping the two apart lets an install script retry one and abort on the other.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int RuleError = 1;
    public const int UsageError = 2;
}
