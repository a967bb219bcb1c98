using System.Security.Cryptography;
using System.Text;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Http;

namespace EventReactor.Reactor.Ui.Auth;

/// <summary>
/// The dashboard's sign-in: with an API token configured, a person gives it once and gets a cookie that proves it
/// (an HMAC of the token, never the token itself), HttpOnly and SameSite=Strict. Without a token the reactor
/// listens on loopback only, like the API, and nobody signs in.
/// </summary>
internal sealed class UiSession(ApiToken token)
{
    public const string CookieName = "eventreactor_ui";

    public bool Required => token.Value is not null;

    public bool IsSignedIn(HttpContext context) =>
        token.Value is not { } expected
        || (context.Request.Cookies[CookieName] is { } cookie
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(Proof(expected))));

    /// <summary>Signs in when the given token is the configured one.</summary>
    public bool TrySignIn(HttpContext context, string? given)
    {
        if (token.Value is not { } expected || given is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.Trim()), Encoding.UTF8.GetBytes(expected)))
        {
            return false;
        }

        context.Response.Cookies.Append(CookieName, Proof(expected), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = UiPaths.Root,
            IsEssential = true,
        });
        return true;
    }

    private static string Proof(string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "eventreactor-ui-session"u8))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
