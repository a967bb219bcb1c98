using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace EventReactor.Reactor.Security;

/// <summary>
/// With a token configured, every <c>/api</c> request must carry <c>Authorization: Bearer &lt;token&gt;</c>, except an
/// endpoint marked <c>AllowAnonymous</c> (a minion's enrollment, which proves itself by its key instead).
/// </summary>
internal sealed class ApiTokenMiddleware(RequestDelegate next, ApiToken token)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (token.Value is not { } expected
            || !context.Request.Path.StartsWithSegments("/api")
            || context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null
            || Carries(context.Request, expected))
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            detail: "this reactor requires 'Authorization: Bearer <token>' (the CLI reads the token from EVENTREACTOR_API_TOKEN)",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized").ExecuteAsync(context);
    }

    private static bool Carries(HttpRequest request, string expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), Encoding.UTF8.GetBytes(expected));
    }
}
