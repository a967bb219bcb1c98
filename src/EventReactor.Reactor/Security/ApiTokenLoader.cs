using System.Security.Cryptography;
using System.Text;
using EventReactor.Core.Tags;
using Microsoft.Extensions.Configuration;

namespace EventReactor.Reactor.Security;

/// <summary>
/// Reads the tokens in force: <c>Reactor:Api:Tokens</c>, the file <c>Reactor:Api:TokensFile</c>, and the single
/// token of before (<c>Reactor:ApiToken</c>, <c>Reactor:ApiTokenFile</c> or <c>EVENTREACTOR_API_TOKEN</c>), which
/// becomes the token <see cref="LegacyName"/> with every scope. Each problem names its key.
/// </summary>
internal static class ApiTokenLoader
{
    public const string EnvironmentVariable = "EVENTREACTOR_API_TOKEN";

    public const string LegacyName = "api-token";

    private const string ApiKey = $"{ReactorOptions.Section}:{nameof(ReactorOptions.Api)}";

    public static IReadOnlyList<ApiCredential> Load(ReactorOptions options, List<string> failures)
    {
        var credentials = new List<ApiCredential>();
        for (var i = 0; i < options.Api.Tokens.Count; i++)
        {
            Add(options.Api.Tokens[i], $"{ApiKey}:{nameof(ApiOptions.Tokens)}:{i}", credentials, failures);
        }

        if (options.Api.TokensFile is { Length: > 0 } file)
        {
            var key = $"{ApiKey}:{nameof(ApiOptions.TokensFile)} '{file}'";
            if (ReadFile(file, key, failures) is { } fromFile)
            {
                for (var i = 0; i < fromFile.Tokens.Count; i++)
                {
                    Add(fromFile.Tokens[i], $"{key}: {nameof(ApiOptions.Tokens)}:{i}", credentials, failures);
                }
            }
        }

        if (Legacy(options, failures) is { } legacy)
        {
            credentials.Add(new ApiCredential(LegacyName, Hash(legacy), Enum.GetValues<ApiScope>().ToHashSet(), [TagGlob.Parse("*")]));
        }

        foreach (var name in credentials.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            failures.Add($"{ApiKey}:{nameof(ApiOptions.Tokens)}: the name '{name}' is given to more than one token");
        }

        if (credentials.GroupBy(c => Convert.ToHexString(c.SecretHash)).Any(g => g.Count() > 1))
        {
            failures.Add($"{ApiKey}:{nameof(ApiOptions.Tokens)}: two tokens have the same secret, so a request could not say which one it holds");
        }

        return credentials;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static void Add(ApiTokenOptions token, string key, List<ApiCredential> credentials, List<string> failures)
    {
        var before = failures.Count;
        if (token.Name.Length == 0 || !token.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            failures.Add($"{key}:{nameof(ApiTokenOptions.Name)} '{token.Name}' must be letters, digits, '.', '_' or '-'");
        }

        var hash = SecretHash(token, key, failures);
        var scopes = new HashSet<ApiScope>();
        foreach (var name in token.Scopes)
        {
            if (ApiScopeNames.TryParse(name, out var scope))
            {
                scopes.Add(scope);
            }
            else
            {
                failures.Add($"{key}:{nameof(ApiTokenOptions.Scopes)}: '{name}' is not a scope; use {ApiScopeNames.All}");
            }
        }

        if (token.Scopes.Count == 0)
        {
            failures.Add($"{key}:{nameof(ApiTokenOptions.Scopes)} is empty; give at least one of {ApiScopeNames.All}");
        }

        if (scopes.Contains(ApiScope.EventsPublish) != token.Publish.Count > 0)
        {
            failures.Add($"{key}:{nameof(ApiTokenOptions.Publish)}: the tag globs and the events:publish scope go together; give both or neither");
        }

        if (failures.Count == before && hash is not null)
        {
            credentials.Add(new ApiCredential(token.Name, hash, scopes, [.. token.Publish.Select(TagGlob.Parse)]));
        }
    }

    private static byte[]? SecretHash(ApiTokenOptions token, string key, List<string> failures)
    {
        switch (token)
        {
            case { Secret: { Length: > 0 } secret, SecretSha256: null or "" }:
                return Hash(secret);
            case { Secret: null or "", SecretSha256: { Length: 64 } hex } when hex.All(char.IsAsciiHexDigit):
                return Convert.FromHexString(hex);
            case { Secret: null or "", SecretSha256: { Length: > 0 } hex }:
                failures.Add($"{key}:{nameof(ApiTokenOptions.SecretSha256)} '{hex}' is not 64 hex digits (sha256sum of the token)");
                return null;
            default:
                failures.Add($"{key}: give one of {nameof(ApiTokenOptions.Secret)} or {nameof(ApiTokenOptions.SecretSha256)}");
                return null;
        }
    }

    private static ApiOptions? ReadFile(string file, string key, List<string> failures)
    {
        try
        {
            var options = new ApiOptions();
            new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(file), optional: false).Build().Bind(options);
            if (options.TokensFile is not null)
            {
                failures.Add($"{key}: a tokens file cannot name another one");
            }

            return options;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
        {
            failures.Add($"{key}: {ex.Message}");
            return null;
        }
    }

    private static string? Legacy(ReactorOptions options, List<string> failures)
    {
        if (options.ApiToken is { Length: > 0 } configured)
        {
            return configured;
        }

        if (options.ApiTokenFile is { Length: > 0 } file)
        {
            try
            {
                if (File.ReadLines(file).FirstOrDefault()?.Trim() is { Length: > 0 } fromFile)
                {
                    return fromFile;
                }

                failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.ApiTokenFile)} '{file}' is empty");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add($"{ReactorOptions.Section}:{nameof(ReactorOptions.ApiTokenFile)}: {ex.Message}");
            }

            return null;
        }

        return Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
    }
}
