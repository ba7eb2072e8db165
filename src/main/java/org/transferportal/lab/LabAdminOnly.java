package org.transferportal.lab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller, or one of its handlers, as for lab admins only: checked on every
 * call in addition to the security configuration's {@code /lab/admin/**} rule, so that a
 * page mapped elsewhere by mistake, or a rule edited by mistake, still refuses members
 * (defence in depth, security review I1).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface LabAdminOnly {

}
