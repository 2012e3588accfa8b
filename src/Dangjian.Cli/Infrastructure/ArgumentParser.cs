namespace Dangjian.Cli.Infrastructure;

/// <summary>The command line split into words and options, before anyone has decided which command it is.</summary>
public sealed record ParsedArguments(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string?> Options, string? Error)
{
    public bool Has(string name) => Options.ContainsKey(name);

    public string? Get(string name) => Options.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A deliberately small parser (System.CommandLine is not among the pinned packages): words, <c>--name value</c>,
/// <c>--name=value</c> and a few flags. Whether an option takes a value is decided by the union of every command's flags,
/// because the command itself is only known after the words have been collected.
/// </summary>
public static class ArgumentParser
{
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }

            if (token is "-h" or "-?" or "/?")
            {
                options["help"] = null;
                continue;
            }

            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                if (token.Length > 1 && token[0] == '-')
                {
                    return Fail(words, options, $"无法识别的选项“{token}”，选项的写法是 --名称 值");
                }

                words.Add(token);
                continue;
            }

            var body = token[2..];
            var equals = body.IndexOf('=', StringComparison.Ordinal);
            var name = equals >= 0 ? body[..equals] : body;
            if (name.Length == 0)
            {
                return Fail(words, options, $"无法识别的选项“{token}”");
            }

            if (options.ContainsKey(name))
            {
                return Fail(words, options, $"选项 --{name} 只能出现一次");
            }

            if (flagNames.Contains(name))
            {
                if (equals >= 0)
                {
                    return Fail(words, options, $"选项 --{name} 是开关，不带值");
                }

                options[name] = null;
                continue;
            }

            if (equals >= 0)
            {
                options[name] = body[(equals + 1)..];
                continue;
            }

            // The next word is the value even when it starts with "-": a password such as "-Xy12345" must get through.
            if (i + 1 >= args.Count)
            {
                return Fail(words, options, $"选项 --{name} 需要一个值");
            }

            options[name] = args[++i];
        }

        return new ParsedArguments(words, options, null);
    }

    private static ParsedArguments Fail(List<string> words, Dictionary<string, string?> options, string error) => new(words, options, error);
}
