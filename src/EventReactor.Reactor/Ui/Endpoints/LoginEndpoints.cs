using EventReactor.Reactor.Security;
using EventReactor.Reactor.Ui.Auth;
using EventReactor.Reactor.Ui.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Ui.Endpoints;

internal static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLogin(IEndpointRouteBuilder ui)
    {
        ui.MapGet("/login", (HttpContext context, string? next, IAntiforgery antiforgery, UiSession session) =>
            session.Required
                ? UiPage.Render<LoginPage>(new LoginModel(SafeNext(next), UiForms.Issue(antiforgery, context), null))
                : Results.Redirect(SafeNext(next))).AllowWithoutToken();
        ui.MapPost("/login", async (HttpContext context, IAntiforgery antiforgery, UiSession session) =>
        {
            if (await UiForms.ReadCheckedAsync(antiforgery, context) is not { } form)
            {
                return UiForms.Refused();
            }

            var next = SafeNext(form["next"]);
            return session.TrySignIn(context, form["token"])
                ? Results.Redirect(next)
                : UiPage.Render<LoginPage>(new LoginModel(next, UiForms.Issue(antiforgery, context), "That is not this reactor's token, or it lacks the read scope."));
        }).AllowWithoutToken();
        return ui;
    }

    // Only a path under /ui: a sign-in link must not send anyone elsewhere.
    private static string SafeNext(string? next) =>
        next is { Length: > 0 } path && path.StartsWith(UiPaths.Root + "/", StringComparison.Ordinal) && !path.StartsWith("//", StringComparison.Ordinal)
            ? path
            : UiPaths.Root + "/";
}
