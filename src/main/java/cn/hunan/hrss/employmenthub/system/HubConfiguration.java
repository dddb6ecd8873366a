package cn.hunan.hrss.employmenthub.system;

import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide beans that are not data sources or jobs. */
@Configuration
class HubConfiguration {

    @Bean
    PersonalData personalData(@Value("${hub.pii.key:}") String key) {
        return key == null || key.isBlank() ? PersonalData.fromEnvironment()
                : new PersonalData(Base64.getDecoder().decode(key.trim()), false);
    }
}
