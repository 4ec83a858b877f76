package be.spil.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code spil.security.*}: lockout thresholds, MFA for central admins, the actuator token. */
@ConfigurationProperties("spil.security")
record SecurityProperties(int accountLockAttempts, int lockMinutes, int ipLockAttempts,
                          boolean requireMfaForCentralAdmins, String actuatorToken) {
    SecurityProperties {
        accountLockAttempts = accountLockAttempts <= 0 ? 5 : accountLockAttempts;
        lockMinutes = lockMinutes <= 0 ? 15 : lockMinutes;
        ipLockAttempts = ipLockAttempts <= 0 ? 20 : ipLockAttempts;
    }
}
