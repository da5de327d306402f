using System.Globalization;
using System.Threading.RateLimiting;
using Ciclo.Localization;
using Ciclo.Server.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace Ciclo.Server.Hosting;

/// <summary>
/// A token bucket per client on the API: a valid API key is one client wherever it comes from;
/// without one (or with a wrong one, so that guessing keys is slowed too) the client is its
/// address. <see cref="ServerOptions.RateLimitPerMinute"/> requests a minute, with bursts of up to
/// ten seconds' worth; beyond that a 429 with Retry-After and a localized ProblemDetails.
/// The dashboard's own files are not limited.
/// </summary>
public static class RequestRateLimits
{
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            o.OnRejected = Reject;
        });

    /// <summary>Tokens added each second and the bucket's size, from requests a minute.</summary>
    public static (int PerSecond, int Burst) Bucket(int perMinute)
    {
        var perSecond = Math.Max(1, (int)Math.Ceiling(perMinute / 60.0));
        return (perSecond, Math.Max(perSecond, perMinute / 6));
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<ServerOptions>();
        var path = context.Request.Path;
        if (options.RateLimitPerMinute <= 0 || !(path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/openapi", StringComparison.Ordinal)))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var client = ApiKeyMiddleware.Presented(context.Request) is { Length: > 0 } presented
                     && context.RequestServices.GetRequiredService<KeyStore>().Find(presented) is { } key
            ? "key:" + key.Name
            : "address:" + context.Connection.RemoteIpAddress;
        var (perSecond, burst) = Bucket(options.RateLimitPerMinute);
        return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask Reject(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
            : 1;
        var asked = context.Request.Query["lang"].ToString() is { Length: > 0 } l ? l : context.Request.Headers.AcceptLanguage.ToString().Split(',')[0].Split('-')[0];
        var lang = Text.Languages.Contains(asked) ? asked : "en";
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await HttpResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Text.Get(lang, "RateLimitedTitle"),
            detail: Text.Format(lang, "RateLimited", seconds.ToString(CultureInfo.InvariantCulture))).ExecuteAsync(context);
    }
}
