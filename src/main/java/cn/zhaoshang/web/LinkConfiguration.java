package cn.zhaoshang.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are. With a WebJars locator on the class path Spring Boot turns on the resource
 * chain and, with it, {@link ResourceUrlEncodingFilter}, which passes every link a page writes through the static
 * resource resolvers, in case it names a versioned file: for {@code /units/1234/edit} that is four look-ups in the jar
 * and the servlet context, none cached (every link differs), about 1.6 ms a link. The unit list of a province writes
 * 1,513 rows of links: 2.5 s. No link here is versioned (the WebJars' are written without a version and resolved when
 * served), so the filter is registered disabled, which also keeps Spring Boot from registering its own.
 */
@Configuration(proxyBeanMethods = false)
class LinkConfiguration {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
