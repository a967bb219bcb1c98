using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Security;

/// <summary>The API token in force, from <c>Reactor:ApiToken</c>, <c>Reactor:ApiTokenFile</c> or <c>EVENTREACTOR_API_TOKEN</c>.</summary>
internal sealed class ApiToken(IOptions<ReactorOptions> options)
{
    public const string EnvironmentVariable = "EVENTREACTOR_API_TOKEN";

    private readonly Lazy<string?> _value = new(() => Resolve(options.Value));

    public string? Value => _value.Value;

    public static string? Resolve(ReactorOptions options)
    {
        if (options.ApiToken is { Length: > 0 } configured)
        {
            return configured;
        }

        if (options.ApiTokenFile is { Length: > 0 } file)
        {
            return File.ReadLines(file).FirstOrDefault()?.Trim() is { Length: > 0 } fromFile
                ? fromFile
                : throw new InvalidOperationException($"{ReactorOptions.Section}:{nameof(ReactorOptions.ApiTokenFile)} '{file}' is empty");
        }

        return Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
    }
}
