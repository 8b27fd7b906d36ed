using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace FactFunctions.Email;

public static class EmailServices
{
    /// <summary>E-mail: the sender (SendGrid, or the outbox without a key) with its retries, the sent-log and delivery exactly once.</summary>
    public static IServiceCollection AddFactEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReminderLog>();
        services.AddSingleton<EmailDelivery>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<IOptions<SendGridOptions>>().Value.Enabled
            ? provider.GetRequiredService<SendGridEmailSender>()
            : provider.GetRequiredService<OutboxEmailSender>());
        services.AddHttpClient(SendGridEmailSender.HttpClientName)
            .AddResilienceHandler("sendgrid", (pipeline, context) =>
            {
                var sendGrid = context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value;
                // Retry outside, per-attempt timeout inside: 429 waits its Retry-After (capped), 5xx, 408, timeouts and
                // refused connections back off exponentially with jitter.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, sendGrid.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(sendGrid.RetryDelayMilliseconds),
                    MaxDelay = TimeSpan.FromSeconds(sendGrid.MaxRetryAfterSeconds),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(sendGrid.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(sendGrid.AttemptTimeoutSeconds));
            });
        return services;
    }
}
