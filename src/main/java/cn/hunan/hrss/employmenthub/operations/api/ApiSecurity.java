package cn.hunan.hrss.employmenthub.operations.api;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what through {@code serve}'s HTTP side: {@code ADMIN} triggers, reprocesses, restarts, splits and
 * accepts (every POST under {@code /api}); {@code AUDITOR} (and {@code ADMIN}) reads runs, reconciliation, quality,
 * the review queue, reports and the admin history (every GET under {@code /api}, and the actuator beyond health). No
 * credentials: 401; the wrong role: 403. The API takes HTTP Basic and keeps no session, so it needs no CSRF token.
 *
 * <p>Users come from {@code hub.users} ({@code HUB_USERS}): {@code name:{bcrypt}hash:ROLE[,ROLE];...}. None is built
 * in; the {@code demo} profile alone brings two (see application-demo.properties). The console ({@link Console}) has
 * a chain of its own.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().hasAnyRole("AUDITOR", "ADMIN"))
                .httpBasic(b -> b.realmName("employment-hub"))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /**
     * The console: a session after signing in on its own login page, CSRF tokens on every form; reading is for
     * AUDITOR and ADMIN, every form that changes something (POST) for ADMIN.
     */
    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/console.css").permitAll()
                        .requestMatchers(HttpMethod.GET, "/console/reprocess").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/", "/console", "/console/**").hasAnyRole("AUDITOR", "ADMIN")
                        .anyRequest().hasRole("ADMIN"))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/console", true).permitAll())
                .httpBasic(b -> b.realmName("employment-hub"))
                .logout(l -> l.logoutSuccessUrl("/login?out"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(@Value("${hub.users:}") String users) {
        List<UserDetails> out = new ArrayList<>();
        for (String entry : users.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] p = entry.strip().split(":", 3);
            if (p.length != 3 || p[0].isBlank() || !p[1].startsWith("{")) {
                throw new IllegalStateException("hub.users: '" + p[0] + "' must be name:{bcrypt}hash:ROLE[,ROLE] "
                        + "(make a hash with: java -jar employment-hub.jar hash-password)");
            }
            out.add(User.withUsername(p[0]).password(p[1]).roles(p[2].split(",")).build());
        }
        if (out.isEmpty()) {
            log.warn("no users are configured (hub.users / HUB_USERS): the API answers every request with 401");
        }
        return new InMemoryUserDetailsManager(out);
    }
}
