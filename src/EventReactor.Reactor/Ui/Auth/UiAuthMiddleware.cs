using Microsoft.AspNetCore.Http;

namespace EventReactor.Reactor.Ui.Auth;

/// <summary>Sends a person who has not signed in to the sign-in page; htmx requests get a redirect htmx follows.</summary>
internal sealed class UiAuthMiddleware(RequestDelegate next, UiSession session)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments(UiPaths.Root) || path.StartsWithSegments(UiPaths.Login) || path.StartsWithSegments(UiPaths.Static)
            || session.IsSignedIn(context))
        {
            await next(context);
            return;
        }

        var login = $"{UiPaths.Login}?next={Uri.EscapeDataString(path + context.Request.QueryString)}";
        if (context.Request.Headers.ContainsKey("HX-Request"))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers["HX-Redirect"] = login;
            return;
        }

        context.Response.Redirect(login);
    }
}
