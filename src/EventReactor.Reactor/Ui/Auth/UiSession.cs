using System.Security.Cryptography;
using System.Text;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Http;

namespace EventReactor.Reactor.Ui.Auth;

/// <summary>
/// The dashboard's sign-in: with API tokens configured, a person gives a token with the <c>read</c> scope once and
/// gets a cookie naming the token with a proof (an HMAC keyed by the token's hash, never the token itself), HttpOnly
/// and SameSite=Strict; the cookie then carries that token's scopes. Without tokens the reactor listens on loopback
/// only, like the API, and nobody signs in.
/// </summary>
internal sealed class UiSession(ApiTokens tokens)
{
    public const string CookieName = "eventreactor_ui";

    public bool Required => tokens.Required;

    /// <summary>The token whose cookie the request carries, if it is still configured.</summary>
    public ApiCredential? SignedIn(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { } cookie || cookie.Split('.', 2) is not [var name, var proof]
            || tokens.Named(name) is not { } credential)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(proof), Encoding.ASCII.GetBytes(Proof(credential))) ? credential : null;
    }

    /// <summary>Signs in when the given token is configured and may read.</summary>
    public bool TrySignIn(HttpContext context, string? given)
    {
        if (!tokens.Required || given is null || tokens.Find(given.Trim()) is not { } credential || !credential.Has(ApiScope.Read))
        {
            return false;
        }

        context.Response.Cookies.Append(CookieName, $"{credential.Name}.{Proof(credential)}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = UiPaths.Root,
            IsEssential = true,
        });
        return true;
    }

    /// <summary>Sends a person who has not signed in to the sign-in page; htmx requests get a redirect htmx follows.</summary>
    public static void Challenge(HttpContext context)
    {
        var login = $"{UiPaths.Login}?next={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}";
        if (context.Request.Headers.ContainsKey("HX-Request"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers["HX-Redirect"] = login;
            return;
        }

        context.Response.Redirect(login);
    }

    private static string Proof(ApiCredential credential) =>
        Convert.ToBase64String(HMACSHA256.HashData(credential.SecretHash, Encoding.UTF8.GetBytes("eventreactor-ui-session:" + credential.Name)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
