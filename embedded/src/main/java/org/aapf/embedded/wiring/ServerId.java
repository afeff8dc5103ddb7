package org.aapf.embedded.wiring;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** Qualifies the id that marks every backend object this server owns (stable across restarts). */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
public @interface ServerId {
}
