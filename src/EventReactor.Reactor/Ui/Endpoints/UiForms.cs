using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using EventReactor.Reactor.Ui.Shared;

namespace EventReactor.Reactor.Ui.Endpoints;

/// <summary>Antiforgery for the dashboard's forms: a token in each form, checked on each post.</summary>
internal static class UiForms
{
    public static Csrf Issue(IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new Csrf(tokens.FormFieldName, tokens.RequestToken!);
    }

    /// <summary>The posted form when its antiforgery token is valid; null otherwise.</summary>
    public static async Task<IFormCollection?> ReadCheckedAsync(IAntiforgery antiforgery, HttpContext context)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }

        return await context.Request.ReadFormAsync(context.RequestAborted);
    }

    public static IResult Refused() =>
        Results.Problem(detail: "the form's antiforgery token is missing or stale; reload the page", statusCode: StatusCodes.Status400BadRequest, title: "Form refused");
}
