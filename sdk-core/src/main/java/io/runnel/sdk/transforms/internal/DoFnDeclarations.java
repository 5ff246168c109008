package io.runnel.sdk.transforms.internal;

import io.runnel.sdk.state.State;
import io.runnel.sdk.state.StateSpec;
import io.runnel.sdk.state.TimerSpec;
import io.runnel.sdk.transforms.DoFn;
import io.runnel.sdk.transforms.internal.DoFnSignature.StateDeclaration;
import io.runnel.sdk.transforms.internal.DoFnSignature.TimerDeclaration;
import io.runnel.sdk.values.TypeDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state, timer and timer family declarations of a {@code DoFn} class: its fields annotated
 * {@code @StateId}, {@code @TimerId} and {@code @TimerFamily}, checked and in declaration order
 * (superclass fields after the subclass's).
 */
record DoFnDeclarations(
    Map<String, StateDeclaration> states,
    Map<String, TimerDeclaration> timers,
    Map<String, TimerDeclaration> timerFamilies) {

  static DoFnDeclarations analyse(Class<?> fnClass) {
    Map<String, StateDeclaration> states = new LinkedHashMap<>();
    Map<String, TimerDeclaration> timers = new LinkedHashMap<>();
    Map<String, TimerDeclaration> families = new LinkedHashMap<>();
    for (Class<?> c = fnClass; c != null && c != DoFn.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        DoFn.StateId stateId = field.getAnnotation(DoFn.StateId.class);
        if (stateId != null) {
          checkField(fnClass, field, DoFn.StateId.class, stateId.value(), StateSpec.class, states);
          states.put(stateId.value(),
              new StateDeclaration(stateId.value(), field, stateType(fnClass, field)));
        }
        DoFn.TimerId timerId = field.getAnnotation(DoFn.TimerId.class);
        if (timerId != null) {
          checkField(fnClass, field, DoFn.TimerId.class, timerId.value(), TimerSpec.class, timers);
          timers.put(timerId.value(), new TimerDeclaration(timerId.value(), field));
        }
        DoFn.TimerFamily family = field.getAnnotation(DoFn.TimerFamily.class);
        if (family != null) {
          checkField(fnClass, field, DoFn.TimerFamily.class, family.value(), TimerSpec.class,
              families);
          families.put(family.value(), new TimerDeclaration(family.value(), field));
        }
      }
    }
    return new DoFnDeclarations(Collections.unmodifiableMap(states),
        Collections.unmodifiableMap(timers), Collections.unmodifiableMap(families));
  }

  private static void checkField(Class<?> fnClass, Field field,
      Class<? extends Annotation> annotation, String id, Class<?> specType,
      Map<String, ?> declared) {
    String where = "DoFn " + fnClass.getName() + " field '" + field.getName() + "'";
    String at = "@" + annotation.getSimpleName() + "(\"" + id + "\")";
    if (id.isEmpty()) {
      throw new IllegalArgumentException(where + ": the id of @" + annotation.getSimpleName()
          + " must not be empty; give one, e.g. @" + annotation.getSimpleName() + "(\"count\")");
    }
    if (field.getType() != specType) {
      throw new IllegalArgumentException(where + " is annotated " + at + " but has type "
          + field.getGenericType().getTypeName() + "; declare it as a " + specType.getSimpleName()
          + (specType == StateSpec.class ? ", e.g. StateSpec<ValueState<Long>> = StateSpecs.value()"
              : ", e.g. TimerSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME)"));
    }
    if (!Modifier.isFinal(field.getModifiers())) {
      throw new IllegalArgumentException(where + " (" + at + ") is not final; declarations must"
          + " not change after construction: make the field final");
    }
    Object other = declared.get(id);
    if (other != null) {
      String otherField = other instanceof StateDeclaration s ? s.field().getName()
          : ((TimerDeclaration) other).field().getName();
      throw new IllegalArgumentException(where + ": duplicate " + at + ", also on field '"
          + otherField + "'; give each declaration its own id");
    }
    field.setAccessible(true);
  }

  /**
   * The state type of a {@code StateSpec<StateT>} field, resolved against {@code fnClass} so a
   * field of a generic superclass gets the subclass's type arguments.
   */
  private static TypeDescriptor<?> stateType(Class<?> fnClass, Field field) {
    Type fieldType = TypeDescriptor.of(fnClass).resolveType(field.getGenericType()).getType();
    if (fieldType instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof ParameterizedType stateType
        && State.class.isAssignableFrom((Class<?>) stateType.getRawType())) {
      return TypeDescriptor.of(stateType);
    }
    throw new IllegalArgumentException("DoFn " + fnClass.getName() + " field '" + field.getName()
        + "' has type " + field.getGenericType().getTypeName() + ", which does not say the kind"
        + " of state; declare it with its state type, e.g. StateSpec<ValueState<Long>>");
  }
}
