package cn.hunan.hrss.employmenthub.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans that are not data sources or jobs. */
@Configuration
class HubConfiguration {

    /** The time source; business dates are taken from it in the schedule's time zone, never the JVM's default. */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    @Bean
    PersonalData personalData(@Value("${hub.pii.key:}") String key, @Value("${hub.pii.previous-key:}") String previous,
                              @Value("${hub.pii.match-key:}") String matchKey) {
        return PersonalData.fromSettings(key, previous, matchKey);
    }
}
