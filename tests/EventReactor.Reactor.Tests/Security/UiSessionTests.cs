using System.Net;
using EventReactor.Reactor.Security;
using EventReactor.Reactor.Ui.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.Reactor.Tests.Security;

/// <summary>The dashboard's cookie carries one token's scopes: a reader may look but not scale a pool.</summary>
public sealed class UiSessionTests(ScopedApiHost host) : IClassFixture<ScopedApiHost>
{
    [Fact]
    public void TrySignIn_TokenWithoutRead_IsRefused()
    {
        var session = host.App.Services.GetRequiredService<UiSession>();

        Assert.False(session.TrySignIn(new DefaultHttpContext(), ScopedApiHost.Commander));
        Assert.False(session.TrySignIn(new DefaultHttpContext(), "not-a-token"));
    }

    [Fact]
    public async Task Pages_ReaderCookie_ReadsButCannotScale()
    {
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("Cookie", SignInCookie(ScopedApiHost.Reader));

        using var overview = await client.GetAsync("/ui/");
        using var scale = await client.PostAsync("/ui/pools/x/scale", new FormUrlEncodedContent([new("size", "3")]));

        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, scale.StatusCode);
        Assert.Contains("'commands'", await scale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reader.forged")]
    [InlineData("nobody.abc")]
    [InlineData("garbage")]
    public async Task Pages_ForgedCookie_SendsToSignIn(string cookie)
    {
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("Cookie", $"{UiSession.CookieName}={cookie}");

        using var response = await client.GetAsync("/ui/minions");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/ui/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_LegacyTokenCookie_StillWorks()
    {
        using var client = host.Client();
        client.DefaultRequestHeaders.Add("Cookie", SignInCookie(ScopedApiHost.Legacy));

        using var response = await client.GetAsync("/ui/minions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ApiTokenLoader.LegacyName, host.App.Services.GetRequiredService<ApiTokens>().Find(ScopedApiHost.Legacy)?.Name);
    }

    private string SignInCookie(string secret)
    {
        var context = new DefaultHttpContext();
        Assert.True(host.App.Services.GetRequiredService<UiSession>().TrySignIn(context, secret));
        return context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }
}
