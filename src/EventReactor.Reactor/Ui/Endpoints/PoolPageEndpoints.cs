using System.Globalization;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Security;
using EventReactor.Reactor.Ui.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Ui.Endpoints;

internal static class PoolPageEndpoints
{
    public static IEndpointRouteBuilder MapPoolPages(this IEndpointRouteBuilder ui)
    {
        ui.MapGet("/pools", async (HttpContext context, PoolService pools, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        {
            var csrf = UiForms.Issue(antiforgery, context);
            return UiPage.Render<PoolsPage>((await pools.ListAsync(cancellationToken)).Select(p => new PoolCardModel(p, csrf, null, false)).ToList());
        });

        // Scales like POST /api/pools/{name}/scale and answers with the pool's card, which htmx swaps in.
        ui.MapPost("/pools/{name}/scale", async (string name, HttpContext context, PoolService pools, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
        {
            if (await UiForms.ReadCheckedAsync(antiforgery, context) is not { } form)
            {
                return UiForms.Refused();
            }

            string message;
            var failed = false;
            if (!int.TryParse(form["size"], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                (message, failed) = ("the size must be a whole number of at least 0", true);
            }
            else
            {
                try
                {
                    await pools.ScaleAsync(name, size, cancellationToken);
                    message = $"desired size set to {size}; the reconciler brings members up or down";
                }
                catch (PoolException ex)
                {
                    (message, failed) = (ex.Message, true);
                }
            }

            try
            {
                var pool = await pools.GetAsync(name, cancellationToken);
                return (IResult)new RazorComponentResult<PoolCard>(new { Model = new PoolCardModel(pool, UiForms.Issue(antiforgery, context), message, failed) });
            }
            catch (PoolException ex) when (ex.NotFound)
            {
                return Results.NotFound(ex.Message);
            }
        }).RequireScope(ApiScope.Commands);
        return ui;
    }
}
