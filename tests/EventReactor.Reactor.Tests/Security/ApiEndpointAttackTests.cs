using System.Net;
using System.Text.Json;
using EventReactor.Reactor.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EventReactor.Reactor.Tests.Security;

/// <summary>
/// Every endpoint the reactor maps, found through <see cref="EndpointDataSource"/> so that a new one is covered
/// without editing this file: without a token, with malformed Authorization headers, with unknown tokens and with
/// every token that lacks its scope. None may get past the scope check.
/// </summary>
public sealed class ApiEndpointAttackTests(ScopedApiHost host, ITestOutputHelper output) : IClassFixture<ScopedApiHost>
{
    private static readonly string[] MalformedHeaders =
        ["Bearer", "Bearer ", "Basic cmVhZGVyOnNlY3JldA==", "reader-secret-0001", "Bearer reader-secret-0001 extra", "Token reader-secret-0001", "Bearer \"reader-secret-0001\""];

    private static readonly string[] UnknownTokens = ["Bearer not-a-token", "Bearer READER-SECRET-0001", "Bearer reader-secret-000"];

    [Fact]
    public void Endpoints_Every_DeclaresAScopeOrIsOpen()
    {
        var undeclared = Endpoints()
            .Where(e => e.Metadata.GetMetadata<RequiredScopeMetadata>() is null && e.Metadata.GetMetadata<OpenEndpointMetadata>() is null)
            .Select(e => e.DisplayName)
            .ToList();

        Assert.True(undeclared.Count == 0, $"endpoints without .RequireScope(...) or .AllowWithoutToken(): {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void Endpoints_Open_AreOnlyProbesTheSignInPageAndEnrollment()
    {
        var open = Endpoints().Where(e => e.Metadata.GetMetadata<OpenEndpointMetadata>() is not null).Select(e => e.RoutePattern.RawText).Order().ToList();

        Assert.Equal(["/api/keys/enroll", "/healthz", "/readyz", "/ui/login", "/ui/login", "/ui/static/{**path}"], open);
    }

    [Fact]
    public async Task Endpoints_EveryAttack_IsRefusedBeforeTheHandler()
    {
        var attacks = 0;
        var failures = new List<string>();
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<OpenEndpointMetadata>() is null))
        {
            var scope = ApiScopeNames.Name(endpoint.Metadata.GetMetadata<RequiredScopeMetadata>()!.Scope);
            var (method, path) = Request(endpoint);
            var ui = path == "/ui" || path.StartsWith("/ui/", StringComparison.Ordinal);

            // No token, malformed headers and unknown tokens: 401 (the dashboard sends the browser to sign in).
            foreach (var authorization in (string?[])[null, .. MalformedHeaders, .. UnknownTokens])
            {
                attacks++;
                using var client = host.Client(authorization);
                using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = Body(method) });
                var expected = ui ? HttpStatusCode.Redirect : HttpStatusCode.Unauthorized;
                if (response.StatusCode != expected)
                {
                    failures.Add($"{method} {path} with Authorization '{authorization}': {(int)response.StatusCode}, not {(int)expected}");
                }
            }

            // A valid token without the scope: 403 naming the missing scope. The dashboard's cookie is tried in UiSessionTests.
            if (ui)
            {
                continue;
            }

            foreach (var (secret, held) in ScopedApiHost.SingleScopeTokens.Where(t => t.Scope != scope))
            {
                attacks++;
                using var client = host.Client($"Bearer {secret}");
                using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = Body(method) });
                var missing = response.StatusCode == HttpStatusCode.Forbidden
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("missingScope").GetString()
                    : null;
                if (missing != scope)
                {
                    failures.Add($"{method} {path} with a '{held}' token: {(int)response.StatusCode}, missingScope '{missing}', not 403 naming '{scope}'");
                }
            }
        }

        output.WriteLine($"{attacks} attacks on {Endpoints().Count} endpoints, {failures.Count} got through");
        Assert.True(attacks > 300, $"only {attacks} attacks were tried: are the endpoints mapped?");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Status_TokenWithReadScope_Answers()
    {
        using var client = host.Client($"Bearer {ScopedApiHost.Reader}");

        using var response = await client.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Status_OldSingleToken_HasEveryScope()
    {
        using var client = host.Client($"Bearer {ScopedApiHost.Legacy}");

        using var status = await client.GetAsync("/api/status");
        using var published = await client.PostAsync("/api/events", Json("""{"tag": "ci/build/finished"}"""));

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
    }

    [Fact]
    public async Task Status_NoTokenMissingAuthorization_SaysUnauthorizedAsProblem()
    {
        using var client = host.Client();

        using var response = await client.GetAsync("/api/status");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer <token>", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_NoToken_Answers()
    {
        using var client = host.Client();

        using var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private List<RouteEndpoint> Endpoints() =>
        [.. host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    // A concrete request for the endpoint: its first method, every route parameter filled in.
    private static (HttpMethod Method, string Path) Request(RouteEndpoint endpoint)
    {
        var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault() ?? HttpMethods.Get;
        var segments = endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "x",
        })));
        return (new HttpMethod(method), "/" + string.Join('/', segments));
    }

    private static HttpContent? Body(HttpMethod method) => method == HttpMethod.Get || method == HttpMethod.Delete ? null : Json("{}");

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
