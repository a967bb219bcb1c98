using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Pools;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace EventReactor.Reactor.Http;

/// <summary><c>/api/pools</c>: list pools, scale a provider pool, add and remove explicit members. Errors are problem documents.</summary>
internal static class PoolEndpoints
{
    public static IEndpointRouteBuilder MapPoolEndpoints(this IEndpointRouteBuilder routes)
    {
        var read = routes.MapGroup(string.Empty).RequireScope(ApiScope.Read);
        var commands = routes.MapGroup(string.Empty).RequireScope(ApiScope.Commands);
        read.MapGet("/api/pools", async (PoolService pools, CancellationToken cancellationToken) => TypedResults.Ok(await pools.ListAsync(cancellationToken)));
        read.MapGet("/api/pools/{name}", (string name, PoolService pools, CancellationToken cancellationToken) =>
            RunAsync(async () => TypedResults.Ok(await pools.GetAsync(name, cancellationToken))));
        commands.MapPost("/api/pools/{name}/scale", async Task<Results<Accepted<PoolView>, ProblemHttpResult>> (string name, HttpRequest request, PoolService pools, CancellationToken cancellationToken) =>
        {
            var body = await ReadAsync(request, cancellationToken);
            if (body is not { ValueKind: JsonValueKind.Object } || !body.Value.TryGetProperty("size", out var sizeElement) || !sizeElement.TryGetInt32(out var size) || size < 0)
            {
                return BadRequest("the body must be {\"size\": N} with N a whole number of at least 0");
            }

            return await RunAsync(async () =>
            {
                await pools.ScaleAsync(name, size, cancellationToken);
                return TypedResults.Accepted($"/api/pools/{name}", await pools.GetAsync(name, cancellationToken));
            });
        });
        commands.MapPost("/api/pools/{name}/members", async Task<Results<Ok<PoolMemberAdded>, ProblemHttpResult>> (string name, HttpRequest request, PoolService pools, CancellationToken cancellationToken) =>
        {
            var body = await ReadAsync(request, cancellationToken);
            if (body is not { ValueKind: JsonValueKind.Object } || !body.Value.TryGetProperty("minion", out var minionElement) || minionElement.ValueKind != JsonValueKind.String)
            {
                return BadRequest("the body must be {\"minion\": \"ID\"}");
            }

            return await RunAsync(async () =>
            {
                await pools.AddAsync(name, minionElement.GetString()!, cancellationToken);
                return TypedResults.Ok(new PoolMemberAdded(name, minionElement.GetString()!, true));
            });
        });
        commands.MapDelete("/api/pools/{name}/members/{minion}", (string name, string minion, PoolService pools, CancellationToken cancellationToken) =>
            RunAsync(async () =>
            {
                await pools.RemoveAsync(name, minion, cancellationToken);
                return TypedResults.Ok(new PoolMemberRemoved(name, minion, true));
            }));
        return routes;
    }

    private static async Task<JsonElement?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<Results<TResult, ProblemHttpResult>> RunAsync<TResult>(Func<Task<TResult>> operation)
        where TResult : IResult
    {
        try
        {
            return await operation();
        }
        catch (PoolException ex)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: ex.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, title: ex.NotFound ? "Unknown pool" : "Pool operation refused");
        }
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad pool request");
}
