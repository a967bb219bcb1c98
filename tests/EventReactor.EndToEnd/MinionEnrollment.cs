using System.Net.Http.Json;
using System.Security.Cryptography;
using EventReactor.Contracts.Api;
using Microsoft.AspNetCore.Builder;

namespace EventReactor.EndToEnd;

/// <summary>
/// Enrolls the simulated minions' keys with the reactor under test (which auto-accepts, as <c>up</c> does), so that
/// their events are acted on as an accepted minion's are.
/// </summary>
internal static class MinionEnrollment
{
    public static async Task EnrollAsync(WebApplication reactor, IEnumerable<string> minions)
    {
        using var http = new HttpClient { BaseAddress = new Uri(reactor.Urls.First()) };
        foreach (var minion in minions)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var response = await http.PostAsJsonAsync("/api/keys/enroll", new EnrollRequest(minion, key.ExportSubjectPublicKeyInfoPem()));
            var answer = await response.Content.ReadFromJsonAsync<EnrollResponse>();
            if (answer?.State != MinionKeyState.Accepted)
            {
                throw new InvalidOperationException($"minion {minion} was not accepted ({(int)response.StatusCode}, {answer?.State})");
            }
        }
    }
}
