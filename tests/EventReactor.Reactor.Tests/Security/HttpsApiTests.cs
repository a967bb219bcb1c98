using System.Net;
using System.Security.Authentication;
using EventReactor.Messaging;
using EventReactor.Tests.Shared;

namespace EventReactor.Reactor.Tests.Security;

/// <summary>The API over https with a certificate from a throwaway CA: a client that trusts the CA gets in, others do not.</summary>
public sealed class HttpsApiTests(ThrowawayCa ca) : IClassFixture<ThrowawayCa>
{
    [Fact]
    public async Task Https_ClientTrustsTheCa_AnswersAndRefusesOtherCa()
    {
        var host = new ScopedApiHost
        {
            Settings = new Dictionary<string, string?>
            {
                ["Reactor:Http"] = "https://127.0.0.1:0",
                ["Reactor:HttpsCertificateFile"] = ca.ServerCertificateFile,
                ["Reactor:HttpsKeyFile"] = ca.ServerKeyFile,
            },
        };
        await host.InitializeAsync();
        try
        {
            using var trusting = host.Client($"Bearer {ScopedApiHost.Reader}", Trusting(ca.CaFile));
            using var other = host.Client($"Bearer {ScopedApiHost.Reader}", Trusting(ca.OtherCaFile));

            using var status = await trusting.GetAsync("/api/status");
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => other.GetAsync("/api/status"));

            Assert.Equal("https", host.BaseAddress.Scheme);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
            Assert.IsType<AuthenticationException>(refused.InnerException);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(null, null, "Reactor:Http 'https://127.0.0.1:7443' is https://, which needs Reactor:HttpsCertificateFile and Reactor:HttpsKeyFile (PEM files)")]
    [InlineData("/no/such/cert.pem", "/no/such/key.pem", "Reactor:HttpsCertificateFile '/no/such/cert.pem' with Reactor:HttpsKeyFile '/no/such/key.pem': ")]
    public void Validate_HttpsWithoutUsableCertificate_NamesTheKeys(string? certificate, string? key, string expected)
    {
        var result = new ReactorOptionsValidator().Validate(null, new ReactorOptions
        {
            Http = "https://127.0.0.1:7443",
            HttpsCertificateFile = certificate,
            HttpsKeyFile = key,
        });

        Assert.StartsWith(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    private static HttpClientHandler Trusting(string caFile)
    {
        var validator = CertificateTrust.Validator(caFile);
        return new HttpClientHandler { ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => validator(request, certificate, chain, errors) };
    }
}
