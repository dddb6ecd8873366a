package cn.hunan.hrss.employmenthub.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans that are not data sources or jobs. */
@Configuration
class HubConfiguration {

    @Bean
    PersonalData personalData(@Value("${hub.pii.key:}") String key, @Value("${hub.pii.previous-key:}") String previous,
                              @Value("${hub.pii.match-key:}") String matchKey) {
        return PersonalData.fromSettings(key, previous, matchKey);
    }
}
