using EventReactor.Contracts.Api;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary>
/// <c>/api/keys</c>: a minion's enrollment (open, bounded, proven by its key) and the operator's key management, grouped
/// in one <see cref="RouteGroupBuilder"/> so that one authorization requirement covers all of it. Errors are problem documents.
/// </summary>
internal static class KeyEndpoints
{
    public static IEndpointRouteBuilder MapKeyEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/keys/enroll", (EnrollRequest request, MinionKeyService keys, CancellationToken cancellationToken) =>
            RunAsync(async () => TypedResults.Ok(await keys.EnrollAsync(request, cancellationToken))))
            .AllowWithoutToken();

        MapAdmin(routes.MapGroup("/api/keys").RequireScope(ApiScope.Admin));
        return routes;
    }

    /// <summary>The operator's endpoints, the ones that need the <c>admin</c> scope.</summary>
    public static RouteGroupBuilder MapAdmin(RouteGroupBuilder admin)
    {
        admin.MapGet("/", async (MinionKeyService keys, CancellationToken cancellationToken) => TypedResults.Ok(await keys.ListAsync(cancellationToken)));
        admin.MapPost("/{minion}/accept", (string minion, MinionKeyService keys, CancellationToken cancellationToken) =>
            RunAsync(async () =>
            {
                await keys.AcceptAsync(minion, cancellationToken);
                return TypedResults.NoContent();
            }));
        admin.MapPost("/{minion}/reject", (string minion, MinionKeyService keys, CancellationToken cancellationToken) =>
            RunAsync(async () =>
            {
                await keys.RejectAsync(minion, cancellationToken);
                return TypedResults.NoContent();
            }));
        admin.MapDelete("/{minion}", (string minion, MinionKeyService keys, CancellationToken cancellationToken) =>
            RunAsync(async () =>
            {
                await keys.DeleteAsync(minion, cancellationToken);
                return TypedResults.NoContent();
            }));
        admin.MapPost("/tokens", (CreateEnrollmentTokenRequest request, MinionKeyService keys, CancellationToken cancellationToken) =>
            RunAsync(async () => TypedResults.Ok(await keys.CreateTokenAsync(TimeSpan.FromSeconds(request.TtlSeconds), cancellationToken))));
        return admin;
    }

    private static async Task<Results<TResult, ProblemHttpResult>> RunAsync<TResult>(Func<Task<TResult>> operation)
        where TResult : IResult
    {
        try
        {
            return await operation();
        }
        catch (KeyException ex)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: ex.Status, title: "Key operation refused");
        }
    }
}
