using System.Net;
using System.Text;
using System.Text.Json;
using EventReactor.Reactor.Streaming;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EventReactor.Reactor.Tests.Security;

/// <summary><c>POST /api/events</c> as tokens that may publish some tags: the globs hold, reserved tags need naming.</summary>
public sealed class EventPublishScopeTests(ScopedApiHost host, ITestOutputHelper output) : IClassFixture<ScopedApiHost>
{
    [Theory]
    [InlineData(ScopedApiHost.Publisher, "deploy/finished")]
    [InlineData(ScopedApiHost.Publisher, "ci")]
    [InlineData(ScopedApiHost.Simulator, "minion/other/docker/container/die")]
    [InlineData(ScopedApiHost.Simulator, "ci/build/finished")]
    public async Task Publish_TagOutsideTheGlobs_IsForbidden(string secret, string tag)
    {
        using var response = await PublishAsync(secret, tag);

        await AssertForbiddenAsync(response, "may not publish");
    }

    [Theory]
    [InlineData("minion/vm/docker/container/die")]
    [InlineData("job/20261205/ret/vm")]
    [InlineData("presence/change")]
    [InlineData("pool/gpu/membership/added")]
    [InlineData("reactor/rules/loaded")]
    public async Task Publish_ReservedTagWithStarGlob_IsForbidden(string tag)
    {
        // The old single token publishes '*', which must not let it speak for a minion or the reactor.
        using var response = await PublishAsync(ScopedApiHost.Legacy, tag);

        await AssertForbiddenAsync(response, "need a glob that names");
        output.WriteLine($"refused {tag}");
    }

    [Fact]
    public async Task Publish_ReservedTagNamedByTheGlob_IsAcceptedWithTheTokenAsSource()
    {
        using var watch = await host.App.Services.GetRequiredService<EventStreamHub>().SubscribeAsync(null, CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // The in-memory bus may take the first publish before its endpoint is up: publish until one is seen.
        while (true)
        {
            using var response = await PublishAsync(ScopedApiHost.Simulator, "minion/sim-1/inventory");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
            wait.CancelAfter(TimeSpan.FromMilliseconds(500));
            try
            {
                while (true)
                {
                    var seen = await watch.Reader.ReadAsync(wait.Token);
                    if (seen.Id == id)
                    {
                        Assert.Equal("/api/simulator", seen.Source);
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (!deadline.IsCancellationRequested)
            {
                // Not consumed yet.
            }
        }
    }

    [Fact]
    public async Task Publish_TagInsideTheGlobs_IsAccepted()
    {
        using var response = await PublishAsync(ScopedApiHost.Publisher, "ci/build/finished");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PublishAsync(string secret, string tag)
    {
        using var client = host.Client($"Bearer {secret}");
        return await client.PostAsync("/api/events", new StringContent(JsonSerializer.Serialize(new { tag, data = new { } }), Encoding.UTF8, "application/json"));
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response, string detail)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("events:publish", problem.GetProperty("missingScope").GetString());
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
