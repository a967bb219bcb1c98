using EventReactor.Reactor.Ui;
using EventReactor.Reactor.Ui.Auth;
using Microsoft.AspNetCore.Http;

namespace EventReactor.Reactor.Security;

/// <summary>
/// With tokens configured, every endpoint not marked open needs a token holding the scope it declares: from
/// <c>Authorization: Bearer</c>, or on the dashboard from its sign-in cookie. 401 says the token is missing, malformed
/// or unknown; 403 names the missing scope. An endpoint that declares no scope is refused to everyone.
/// </summary>
internal sealed class ScopeMiddleware(RequestDelegate next, ApiTokens tokens, UiSession session)
{
    private const string BearerScheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (!tokens.Required || endpoint is null || endpoint.Metadata.GetMetadata<OpenEndpointMetadata>() is not null)
        {
            await next(context);
            return;
        }

        ApiCredential? caller;
        if (context.Request.Path.StartsWithSegments(UiPaths.Root))
        {
            if ((caller = session.SignedIn(context)) is null)
            {
                UiSession.Challenge(context);
                return;
            }
        }
        else if (Authenticate(context.Request) is { } refusal)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(detail: refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(context);
            return;
        }
        else
        {
            caller = ApiCaller.Of(context)!;
        }

        var required = endpoint.Metadata.GetMetadata<RequiredScopeMetadata>();
        if (required is null || !caller.Has(required.Scope))
        {
            var detail = required is null
                ? $"{endpoint.DisplayName} declares no scope, so no token may call it"
                : $"the token '{caller.Name}' lacks the scope '{ApiScopeNames.Name(required.Scope)}' that {endpoint.DisplayName} needs";
            await Results.Problem(
                detail: detail,
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                extensions: required is null ? null : new Dictionary<string, object?> { ["missingScope"] = ApiScopeNames.Name(required.Scope) }).ExecuteAsync(context);
            return;
        }

        ApiCaller.Set(context, caller);
        await next(context);
    }

    // Null when the request carries a known token (then set as the caller); otherwise what is wrong with it.
    private string? Authenticate(HttpRequest request)
    {
        var headers = request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return "this reactor requires 'Authorization: Bearer <token>' (the CLI reads the token from EVENTREACTOR_API_TOKEN)";
        }

        var header = headers.Count == 1 ? headers[0] ?? string.Empty : string.Empty;
        var secret = header.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase) ? header[BearerScheme.Length..].Trim() : string.Empty;
        if (secret.Length == 0 || secret.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "the Authorization header is malformed: send exactly one 'Authorization: Bearer <token>'";
        }

        if (tokens.Find(secret) is not { } caller)
        {
            return "the bearer token is not one of this reactor's tokens";
        }

        ApiCaller.Set(request.HttpContext, caller);
        return null;
    }
}
