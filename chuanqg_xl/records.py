"""Record classes (the model, the layout, findings) without the import cost of `dataclasses`.

`@dataclass` builds each method from source text compiled one by one, rebuilds a
class for `slots=True` and loads `inspect` (with `ast`, `dis`, `tokenize`): about a
third of a millisecond a class, and some 40 classes lie on the path of every
`check`, a command scripts run over whole folders of district files. `record`
does what those classes use of `dataclasses` — an `__init__` in field order with
defaults and default factories, `__repr__`, `__eq__` (and `__hash__` when frozen),
frozen instances, `__slots__`, inheritance of fields — compiling all the methods
of a class as one piece of source, and `replace` is `dataclasses.replace`.
Instances behave as the dataclasses did: the same constructor, equality, hashing,
repr, refusal to change a frozen one (an AttributeError), pickling.
"""
from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

TYPE_CHECKING = False   # typing.TYPE_CHECKING, without loading typing (2 ms of every start-up)

if TYPE_CHECKING:
    from typing import Any, TypeVar

    from typing_extensions import dataclass_transform

    T = TypeVar("T")
else:
    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda function: function

_MISSING: Any = object()
_FACTORY: Any = object()   # the default of a parameter whose field has a default factory
_FIELDS = "__record_fields__"


class FrozenRecordError(AttributeError):
    """A field of a frozen record was assigned or deleted."""


class Field:
    """A field's default when it is more than a value: a factory, or left out of the repr."""

    __slots__ = ("default", "default_factory", "repr")

    def __init__(self, default: object, default_factory: Callable[[], object] | None, repr: bool) -> None:
        self.default = default
        self.default_factory = default_factory
        self.repr = repr


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None, repr: bool = True) -> Any:
    """As `dataclasses.field`: a default factory (a new list for each record), or a field kept out of repr."""
    return Field(default, default_factory, repr)


class _Spec:
    __slots__ = ("name", "default", "factory", "repr")

    def __init__(self, name: str, default: object, factory: Callable[[], object] | None, repr: bool) -> None:
        self.name, self.default, self.factory, self.repr = name, default, factory, repr


def _own_fields(cls: type) -> list[_Spec]:
    specs = []
    for name, annotation in cls.__dict__.get("__annotations__", {}).items():
        if isinstance(annotation, str) and annotation.replace("typing.", "").startswith("ClassVar"):
            continue
        value = cls.__dict__.get(name, _MISSING)
        if isinstance(value, Field):
            specs.append(_Spec(name, value.default, value.default_factory, value.repr))
        else:
            specs.append(_Spec(name, value, None, True))
    return specs


@dataclass_transform(field_specifiers=(field,))
def record(cls: type[T] | None = None, /, *, frozen: bool = False, eq: bool = True,
           slots: bool = False) -> Any:
    """`@record` or `@record(frozen=…, eq=…, slots=…)`: as `@dataclass` with the same arguments."""
    def wrap(cls: type[T]) -> type[T]:
        return _build(cls, frozen, eq, slots)

    return wrap if cls is None else wrap(cls)


def _build(cls: type, frozen: bool, eq: bool, slots: bool) -> type:
    inherited: dict[str, _Spec] = {}
    for base in reversed(cls.__mro__[1:]):
        for spec in getattr(base, _FIELDS, ()):
            inherited[spec.name] = spec
    own = _own_fields(cls)
    specs = tuple({**inherited, **{spec.name: spec for spec in own}}.values())
    names = tuple(spec.name for spec in specs)
    methods: dict[str, object] = {
        _FIELDS: specs, "__match_args__": names, "__record_values__": staticmethod(_getter(names)),
        "__record_shown__": tuple(spec.name for spec in specs if spec.repr),
        "__init__": _init(cls.__qualname__, specs, frozen), "__reduce__": _reduce}
    if "__repr__" not in cls.__dict__:
        methods["__repr__"] = _repr
    if eq and "__eq__" not in cls.__dict__:
        methods["__eq__"] = _eq
    if frozen:
        methods["__setattr__"] = _frozen_setattr
        methods["__delattr__"] = _frozen_delattr
    if eq and "__hash__" not in cls.__dict__:
        # Frozen: hashed by value, as it compares. Changeable and compared by value: not hashable.
        methods["__hash__"] = _hash if frozen else None
    if not slots:   # the class itself, as dataclasses does (its methods' super() refers to it)
        for spec in own:
            if isinstance(cls.__dict__.get(spec.name), Field):
                delattr(cls, spec.name)
        for name, value in methods.items():
            setattr(cls, name, value)
        return cls
    namespace = {name: value for name, value in cls.__dict__.items()
                 if name not in ("__dict__", "__weakref__") and name not in {spec.name for spec in own}}
    namespace.update(methods)
    namespace["__slots__"] = tuple(spec.name for spec in own)   # a slot cannot share its name with a default
    built = type(cls)(cls.__name__, cls.__bases__, namespace)
    built.__qualname__ = cls.__qualname__
    return built


def _getter(names: tuple[str, ...]) -> Callable[[object], tuple]:
    """The field values of a record as a tuple, at C speed."""
    if not names:
        return lambda obj: ()
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (get(obj),)
    return get   # type: ignore[return-value]


def _init(qualname: str, specs: tuple[_Spec, ...], frozen: bool) -> Callable[..., None]:
    """The one method compiled per class: a generic __init__ would cost microseconds per record."""
    scope: dict[str, object] = {"_setattr": object.__setattr__, "_FACTORY": _FACTORY}
    params, body = ["self"], []
    seen_default = False
    for index, spec in enumerate(specs):
        name = spec.name
        value = name
        if spec.factory is not None:
            scope[f"_f{index}"] = spec.factory
            params.append(f"{name}=_FACTORY")
            value = f"_f{index}() if {name} is _FACTORY else {name}"
            seen_default = True
        elif spec.default is not _MISSING:
            scope[f"_d{index}"] = spec.default
            params.append(f"{name}=_d{index}")
            seen_default = True
        elif seen_default:
            raise TypeError(f"{qualname}: non-default argument {name!r} follows default argument")
        else:
            params.append(name)
        body.append(f" _setattr(self, {name!r}, {value})" if frozen else f" self.{name} = {value}")
    exec(f"def __init__({', '.join(params)}):\n" + "\n".join(body or [" pass"]), scope)  # noqa: S102
    init = scope["__init__"]
    init.__qualname__ = f"{qualname}.__init__"   # type: ignore[attr-defined]
    return init   # type: ignore[return-value]


def _reduce(self: Any) -> tuple:
    return (self.__class__, self.__record_values__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_shown__)
    return f"{self.__class__.__qualname__}({shown})"


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is self.__class__:
        values = self.__record_values__
        return values(self) == values(other)
    return NotImplemented


def _hash(self: Any) -> int:
    return hash(self.__record_values__(self))


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r}")


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of a record with some fields changed (as `dataclasses.replace`)."""
    for name in changes:
        if not any(spec.name == name for spec in getattr(obj, _FIELDS)):
            raise TypeError(f"{type(obj).__name__} has no field {name!r}")
    values = {spec.name: changes[spec.name] if spec.name in changes else getattr(obj, spec.name)
              for spec in getattr(obj, _FIELDS)}
    return obj.__class__(**values)


def fields(obj: object) -> tuple[str, ...]:
    """The field names of a record class or instance, in order."""
    return tuple(spec.name for spec in getattr(obj, _FIELDS))
