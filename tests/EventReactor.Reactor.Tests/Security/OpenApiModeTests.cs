using System.Net;
using System.Net.Http.Json;

namespace EventReactor.Reactor.Tests.Security;

/// <summary>Without any token the API stays as before: loopback only, and open to its local callers.</summary>
public sealed class OpenApiModeTests
{
    [Fact]
    public async Task Api_NoTokenConfigured_AnswersWithoutAuthorization()
    {
        var host = new ScopedApiHost { WithTokens = false };
        await host.InitializeAsync();
        try
        {
            using var client = host.Client();

            using var status = await client.GetAsync("/api/status");
            using var published = await client.PostAsJsonAsync("/api/events", new { tag = "minion/sim-1/inventory", data = new { } });
            using var page = await client.GetAsync("/ui/");

            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
