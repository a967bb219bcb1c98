using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace EventReactor.Storage.Postgres;

/// <summary>
/// <c>postgres://user:password@host:port/database</c> (or <c>postgresql://</c>), the form the CLI and configuration take,
/// turned into an Npgsql connection string. The port defaults to 5432; user, password and database are required.
/// </summary>
public static class PostgresUrl
{
    public const int DefaultPort = 5432;

    /// <summary>Whether <paramref name="text"/> is meant as a PostgreSQL URL (it may still be malformed).</summary>
    public static bool IsPostgres(string? text) =>
        text is not null && (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase));

    /// <summary>The connection string of a well-formed URL; otherwise false and what is wrong with it.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out string? connectionString, [NotNullWhen(false)] out string? error)
    {
        connectionString = null;
        if (!IsPostgres(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            error = "must be a URL of the form postgres://user:password@host:port/database";
            return false;
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        error = (credentials[0].Length, credentials.Length, uri.Host.Length, database.Length) switch
        {
            (0, _, _, _) => "names no user (postgres://user:password@host:port/database)",
            (_, 1, _, _) => "names no password (postgres://user:password@host:port/database)",
            (_, _, 0, _) => "names no host (postgres://user:password@host:port/database)",
            (_, _, _, 0) => "names no database (postgres://user:password@host:port/database)",
            _ when database.Contains('/', StringComparison.Ordinal) => $"names '{database}' as the database: a database name holds no '/'",
            _ => null,
        };
        if (error is not null)
        {
            return false;
        }

        connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port,
            Username = Uri.UnescapeDataString(credentials[0]),
            Password = Uri.UnescapeDataString(credentials[1]),
            Database = database,

            // The stores run the same few statements for every event: prepared once per connection after their second
            // use, they skip parsing and planning. Pooled connections are not reset on return: the stores leave no
            // session state behind, and the reset is one more round trip per call.
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            NoResetOnClose = true,
        }.ConnectionString;
        return true;
    }

    /// <summary>The URL without its password, for logs and health answers.</summary>
    public static string Redact(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal)
            ? url.Replace(uri.UserInfo, uri.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : url;
}
